import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addCalendarDays, chinaDateOf } from '@cityworks/calendar';
import type { GradeRefreshResult } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { CreditRecordsService } from '../../credit-records/credit-records.service';

/**
 * 信用等级按日刷新: grades again the subjects whose records stopped counting lately. Each subject in
 * its own transaction under its lock, so one subject's failure or a long run never holds the others.
 */
@Injectable()
export class GradeRefreshService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly records: CreditRecordsService,
  ) {}

  async refreshExpired(lookBackDays: number, now = new Date()): Promise<GradeRefreshResult> {
    const today = chinaDateOf(now);
    const since = addCalendarDays(today, -lookBackDays);
    // the last record of each subject that stopped counting in the window: the change's cause
    const expired: { uscc: string; record_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (uscc) uscc, id AS record_id FROM credit_records
        WHERE expires_on >= $1 AND expires_on < $2 AND NOT repaired
        ORDER BY uscc, expires_on DESC, id`,
      [since, today],
    );
    let gradesChanged = 0;
    for (const { uscc, record_id } of expired) {
      const changed = await this.uow.run(async (change) => {
        await this.records.lockSubject(change.manager, uscc);
        const before = await change.manager.query(`SELECT version FROM subject_grades WHERE uscc = $1`, [uscc]);
        await this.records.regrade(change, uscc, record_id, undefined, now);
        const after = await change.manager.query(`SELECT version FROM subject_grades WHERE uscc = $1`, [uscc]);
        return before[0]?.version !== after[0]?.version;
      });
      if (changed) gradesChanged++;
    }
    return { asOf: today, subjectsChecked: expired.length, gradesChanged };
  }
}
