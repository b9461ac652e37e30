import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentReference, LogStep } from '../domain/log-entry';

/** One 监管日志 entry as stored (append-only: a trigger refuses changes). */
@Entity({ name: 'supervision_log_entries' })
export class LogEntryRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  step: LogStep;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 100 })
  actorUserId: string;

  @Column({ name: 'actor_department_code', type: 'varchar', length: 64, nullable: true })
  actorDepartmentCode: string | null;

  @Column({ type: 'jsonb' })
  attachments: AttachmentReference[];

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
