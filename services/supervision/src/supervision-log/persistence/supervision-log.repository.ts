import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LogEntry } from '../domain/log-entry';
import { LogEntryRecord } from './log-entry.record';

/** Insert and read only: there is no update or delete path, and the table refuses one. */
@Injectable()
export class SupervisionLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The next number of the action's log; the caller holds the action's row lock, so two appends never take one number. */
  async nextSeq(manager: EntityManager, actionId: string): Promise<number> {
    const [{ next }] = await manager.query('SELECT coalesce(max(seq), 0) + 1 AS next FROM supervision_log_entries WHERE action_id = $1', [actionId]);
    return Number(next);
  }

  async insert(manager: EntityManager, entry: LogEntry): Promise<void> {
    await manager.insert(LogEntryRecord, manager.create(LogEntryRecord, { ...entry }));
  }

  async of(actionId: string): Promise<LogEntry[]> {
    const records = await this.dataSource.getRepository(LogEntryRecord).find({ where: { actionId }, order: { seq: 'ASC' } });
    return records.map((r) => ({ ...r }));
  }
}
