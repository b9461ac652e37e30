import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a cancellation of commitment eligibility is stored; one per broken commitment. */
@Entity({ name: 'commitment_eligibility_cancellations' })
export class EligibilityCancellationRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'owner_uscc', type: 'varchar', length: 18 })
  ownerUscc: string;

  @Column({ name: 'commitment_id', type: 'varchar', length: 64, unique: true })
  commitmentId: string;

  @Column({ name: 'application_id', type: 'varchar', length: 64 })
  applicationId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'cancelled_at', type: 'timestamptz' })
  cancelledAt: Date;

  @Column({ type: 'timestamptz' })
  until: Date;
}
