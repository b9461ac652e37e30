import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CreditGrade } from '@cityworks/contracts';
import { NotificationListener } from '@cityworks/platform';
import { EligibilityCancellation } from '../commitment-eligibility/domain/commitment-eligibility';
import { CreditStanding, creditStanding, SubjectCreditSnapshot } from './domain/credit-standing';

/** The channel the triggers of migration 1764000000630 notify, with '<schema>:<uscc>'. */
const CHANNEL = 'credit_standing';
const PAGE = 5000;

interface Entry {
  credit: SubjectCreditSnapshot | null;
  cancellations: EligibilityCancellation[];
}

interface GradeRow {
  uscc: string;
  grade: CreditGrade;
  joint_punishment: boolean;
  green_channel: boolean;
}

interface CancellationRow {
  id: string;
  owner_uscc: string;
  commitment_id: string;
  application_id: string;
  reason: string;
  cancelled_at: Date;
  until: Date;
}

const snapshot = (row: GradeRow): SubjectCreditSnapshot => ({ grade: row.grade, jointPunishment: row.joint_punishment, greenChannel: row.green_channel });
const cancellation = (row: CancellationRow): EligibilityCancellation => ({
  id: row.id,
  ownerUscc: row.owner_uscc,
  commitmentId: row.commitment_id,
  applicationId: row.application_id,
  reason: row.reason,
  cancelledAt: row.cancelled_at,
  until: row.until,
});

/**
 * 信用查询 from memory: every graded subject and every cancellation in force, loaded when the
 * service starts and kept current by Postgres notifications (a row changed by any replica — the
 * grade consumer, a cancellation — names its subject, and each replica re-reads that one). The
 * lookup asked at every desk then costs no database round trip.
 *
 * While it is not current — loading, or its LISTEN connection lost and not yet caught up — it
 * answers nothing, and the caller reads Postgres instead: never a stale answer for lack of a
 * notification.
 */
@Injectable()
export class CreditStandingIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CreditStandingIndex.name);
  private readonly schema: string;
  private readonly listener: NotificationListener;
  private entries = new Map<string, Entry>();
  private current = false;
  /** counts LISTEN connections: a load that began on an earlier one may have missed notifications */
  private connection = 0;
  private listening = false;
  private stopped = false;
  /** subjects notified while the whole index loads; re-read after it */
  private missedWhileLoading: Set<string> | null = null;
  private readonly reloading = new Map<string, Promise<void>>();
  private readonly notifiedAgain = new Set<string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.schema = String((dataSource.options as { schema?: string }).schema ?? 'public');
    this.listener = new NotificationListener(dataSource, CHANNEL, {
      connected: () => {
        this.connection++;
        this.listening = true;
        return this.loadAll();
      },
      notified: (payload) => this.notified(payload),
      disconnected: () => {
        if (this.current && !this.stopped) this.logger.warn('credit standing index is behind (LISTEN connection lost); lookups read Postgres until it reloads');
        this.listening = false;
        this.current = false;
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.listener.stop();
  }

  /** The subject's standing now, or null while the index is not current (ask Postgres). */
  standing(uscc: string, now: Date): CreditStanding | null {
    if (!this.current) return null;
    const entry = this.entries.get(uscc);
    return creditStanding(uscc, entry?.credit ?? null, entry?.cancellations ?? [], now);
  }

  get size(): number {
    return this.entries.size;
  }

  private async loadAll(): Promise<void> {
    const connection = this.connection;
    this.current = false;
    this.missedWhileLoading = new Set();
    const started = Date.now();
    const entries = new Map<string, Entry>();
    // keyset pages: a city's subjects need not pass through memory twice
    for (let after = ''; ;) {
      const rows: GradeRow[] = await this.dataSource.query(
        'SELECT uscc, grade, joint_punishment, green_channel FROM subject_credit_grades WHERE uscc > $1 ORDER BY uscc LIMIT $2',
        [after, PAGE],
      );
      for (const row of rows) entries.set(row.uscc, { credit: snapshot(row), cancellations: [] });
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].uscc;
    }
    const cancellations: CancellationRow[] = await this.dataSource.query('SELECT * FROM commitment_eligibility_cancellations WHERE until > now()');
    for (const row of cancellations) {
      const entry = entries.get(row.owner_uscc) ?? { credit: null, cancellations: [] };
      entry.cancellations.push(cancellation(row));
      entries.set(row.owner_uscc, entry);
    }
    this.entries = entries;
    const missed = this.missedWhileLoading;
    this.missedWhileLoading = null;
    // what changed during the load may be older in `entries` than in Postgres: re-read it before answering
    await Promise.all([...missed].map((uscc) => this.reload(uscc)));
    if (!this.listening || connection !== this.connection) return; // the next connection loads again
    this.current = true;
    this.logger.log(`credit standing index current: ${entries.size} subjects in ${Date.now() - started} ms`);
  }

  private notified(payload: string): void {
    const separator = payload.indexOf(':');
    if (payload.slice(0, separator) !== this.schema) return;
    const uscc = payload.slice(separator + 1);
    if (this.missedWhileLoading) this.missedWhileLoading.add(uscc);
    else void this.reload(uscc);
  }

  /**
   * Re-reads one subject. A notification arriving while its re-read runs asks for another one after
   * it: the running read may have started before that change committed.
   */
  private reload(uscc: string): Promise<void> {
    const running = this.reloading.get(uscc);
    if (running) {
      this.notifiedAgain.add(uscc);
      return running;
    }
    const run = (async () => {
      try {
        do {
          this.notifiedAgain.delete(uscc);
          await this.readOne(uscc);
        } while (this.notifiedAgain.has(uscc));
      } catch (error) {
        // a subject that could not be re-read must not be answered from memory: reload everything
        this.logger.warn(`credit standing of ${uscc} could not be re-read (${(error as Error).message}); reloading the index`);
        this.current = false;
        void this.recover();
      } finally {
        this.reloading.delete(uscc);
      }
    })();
    this.reloading.set(uscc, run);
    return run;
  }

  /** Loads everything again while listening, until it succeeds (Postgres refused a read but the LISTEN connection stayed). */
  private async recover(): Promise<void> {
    while (!this.stopped && this.listening && !this.current) {
      try {
        await this.loadAll();
      } catch (error) {
        this.logger.warn(`credit standing index reload failed (${(error as Error).message}); retrying in 1 s`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async readOne(uscc: string): Promise<void> {
    const [grades, cancellations]: [GradeRow[], CancellationRow[]] = await Promise.all([
      this.dataSource.query('SELECT uscc, grade, joint_punishment, green_channel FROM subject_credit_grades WHERE uscc = $1', [uscc]),
      this.dataSource.query('SELECT * FROM commitment_eligibility_cancellations WHERE owner_uscc = $1 AND until > now()', [uscc]),
    ]);
    if (grades.length === 0 && cancellations.length === 0) this.entries.delete(uscc);
    else this.entries.set(uscc, { credit: grades[0] ? snapshot(grades[0]) : null, cancellations: cancellations.map(cancellation) });
  }
}
