import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreditGrade } from '@cityworks/contracts';
import { CreditStanding, creditStanding } from './domain/credit-standing';
import { CreditStandingIndex } from './credit-standing.index';

interface CancellationColumns {
  cancellation_id: string;
  commitment_id: string;
  application_id: string;
  reason: string;
  cancelled_at: Date;
  until: Date;
}

/** A grade row, or nulls; a cancellation in force, or nulls. */
type StandingRow = { grade: CreditGrade | null; joint_punishment: boolean | null; green_channel: boolean | null } & (
  CancellationColumns | { [K in keyof CancellationColumns]: null }
);

/**
 * 信用查询 at approval: answered from approval's own copy of the grades (credit.grade-changed.v1)
 * and its cancellations — from memory (CreditStandingIndex) when it is current, else from Postgres
 * in one round trip over two key lookups. Desks ask it at every 受理, so it must stay within single
 * milliseconds at the service (scripts/bench measures it).
 */
@Injectable()
export class CreditStandingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: CreditStandingIndex,
  ) {}

  async of(uscc: string, now = new Date()): Promise<CreditStanding> {
    return this.index.standing(uscc, now) ?? this.fromDatabase(uscc, now);
  }

  /** The same answer read from Postgres, for when the index is not current. */
  async fromDatabase(uscc: string, now = new Date()): Promise<CreditStanding> {
    const [row]: StandingRow[] = await this.dataSource.query(
      `SELECT g.grade, g.joint_punishment, g.green_channel,
              c.id AS cancellation_id, c.commitment_id, c.application_id, c.reason, c.cancelled_at, c.until
         FROM (SELECT $1::varchar AS uscc) s
         LEFT JOIN subject_credit_grades g ON g.uscc = s.uscc
         LEFT JOIN LATERAL (
           SELECT * FROM commitment_eligibility_cancellations x
            WHERE x.owner_uscc = s.uscc AND x.until > $2 ORDER BY x.until DESC LIMIT 1) c ON true`,
      [uscc, now],
    );
    const credit = row.grade ? { grade: row.grade, jointPunishment: row.joint_punishment === true, greenChannel: row.green_channel === true } : null;
    const binding =
      row.cancellation_id === null
        ? []
        : [
            {
              id: row.cancellation_id,
              ownerUscc: uscc,
              commitmentId: row.commitment_id,
              applicationId: row.application_id,
              reason: row.reason,
              cancelledAt: row.cancelled_at,
              until: row.until,
            },
          ];
    return creditStanding(uscc, credit, binding, now);
  }
}
