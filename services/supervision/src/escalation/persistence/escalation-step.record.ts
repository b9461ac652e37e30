import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ObligationKind } from '@cityworks/contracts';
import type { EscalationStepKind } from '../domain/escalation-step';

/** How a rung of the ladder is stored; the model is ../domain/escalation-step.ts. */
@Entity({ name: 'escalation_steps' })
export class EscalationStepRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'claim_key', type: 'varchar', length: 200, unique: true })
  claimKey: string;

  @Column({ type: 'varchar', length: 8 })
  step: EscalationStepKind;

  @Column({ name: 'obligation_kind', type: 'varchar', length: 32 })
  obligationKind: ObligationKind;

  @Column({ name: 'obligation_id', type: 'varchar', length: 128 })
  obligationId: string;

  @Column({ name: 'obligation_title', type: 'varchar', length: 500 })
  obligationTitle: string;

  /** the responsible (late) unit */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 32 })
  regionCode: string;

  @Column({ name: 'project_code', type: 'varchar', length: 64, nullable: true })
  projectCode: string | null;

  @Column({ name: 'item_code', type: 'varchar', length: 64, nullable: true })
  itemCode: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'letter_id', type: 'uuid', nullable: true })
  letterId: string | null;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt: Date;
}
