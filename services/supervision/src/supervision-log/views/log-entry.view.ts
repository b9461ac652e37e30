import { ApiProperty } from '@nestjs/swagger';
import { LogEntry, LogStep, LogSteps } from '../domain/log-entry';

export class AttachmentReferenceView {
  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'SHA-256, lowercase hex' })
  sha256: string;

  @ApiProperty()
  sizeBytes: number;
}

export class LogEntryView {
  @ApiProperty({ description: '1, 2, 3 … per action, in the order appended' })
  seq: number;

  @ApiProperty({ enum: LogSteps })
  step: LogStep;

  @ApiProperty({ format: 'date-time', description: 'when the step was taken' })
  at: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ description: 'who logged it' })
  actorUserId: string;

  @ApiProperty({ type: String, nullable: true })
  actorDepartmentCode: string | null;

  @ApiProperty({ type: [AttachmentReferenceView] })
  attachments: AttachmentReferenceView[];

  @ApiProperty({ format: 'date-time', description: 'when it was logged' })
  recordedAt: string;

  static of(e: LogEntry): LogEntryView {
    return Object.assign(new LogEntryView(), {
      seq: e.seq,
      step: e.step,
      at: e.at.toISOString(),
      note: e.note,
      actorUserId: e.actorUserId,
      actorDepartmentCode: e.actorDepartmentCode,
      attachments: e.attachments.map((a) => Object.assign(new AttachmentReferenceView(), a)),
      recordedAt: e.recordedAt.toISOString(),
    });
  }
}

export class SupervisionLogView {
  @ApiProperty({ format: 'uuid' })
  actionId: string;

  @ApiProperty({ type: [LogEntryView] })
  entries: LogEntryView[];
}
