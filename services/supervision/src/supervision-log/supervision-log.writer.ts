import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Topics } from '@cityworks/contracts';
import { StateChange } from '@cityworks/messaging';
import { appendLogEntry, AttachmentReference, LogEntry, LogStep } from './domain/log-entry';
import { SupervisionLogRepository } from './persistence/supervision-log.repository';

/** What one step says, whoever writes it (a person through the API, the service at record and report). */
export interface LogStepInput {
  step: LogStep;
  at: Date;
  note: string | null;
  attachments: AttachmentReference[];
  actorUserId: string;
  actorDepartmentCode: string | null;
}

/**
 * Appends one step to an action's 监管日志 inside the caller's state change. The caller holds
 * the action's row lock (or has just inserted the action), so two appends never take one number.
 */
@Injectable()
export class SupervisionLogWriter {
  constructor(private readonly log: SupervisionLogRepository) {}

  async appendIn(change: StateChange, manager: EntityManager, actionId: string, input: LogStepInput, now: Date): Promise<LogEntry> {
    const seq = await this.log.nextSeq(manager, actionId);
    const { entry, transition } = appendLogEntry({ id: randomUUID(), actionId, seq, recordedAt: now, ...input }, now);
    await this.log.insert(manager, entry);
    change.record({ type: 'supervision-log', id: actionId }, transition, Topics.supervision);
    return entry;
  }
}
