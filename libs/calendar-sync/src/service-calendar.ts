import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { chinaDateOf, endOfChinaDay, IsoDate, startOfChinaDay, WorkingDayCalendar } from '@cityworks/calendar';
import type { CalendarArrangementLoadedV1 } from '@cityworks/contracts';
import { MalformedEventError } from '@cityworks/messaging';
import { CalendarArrangementCopy } from './calendar-arrangement-copy.entity';

/**
 * What changed: the arrangement of `year` in force is now `revision` (a first official
 * arrangement, a correction, or the restore of an earlier revision), and the service's calendar
 * (`ServiceCalendar.current`) already counts with it.
 */
export interface ArrangementChange {
  year: number;
  revision: number;
  /** the revision whose days a restore brought back; null for a load or a correction */
  restoredFromRevision: number | null;
  /** the revision this one replaced in the service's copy; null when the year had none (library or statutory fallback) */
  replacedRevision: number | null;
  /**
   * The year as instants, China time: from the start of 1 January to the end of 31 December.
   * A deadline whose counting span (from its start day to its deadline day) touches this
   * interval may move; no other can. See {@link spanTouchesYear}.
   */
  from: Date;
  to: Date;
}

/**
 * A deadline owner's part when a year's arrangement changes, called in the transaction that
 * records the change (the consumer's inbox transaction). It must recompute every OPEN deadline
 * whose counting span touches `year` — from its start (acceptance, receipt, decision…) to the
 * deadline as stored — whether it was provisional or not, store what differs and tell whoever
 * waits on it; `ServiceCalendar.current` already holds the new arrangement. The third argument
 * is optional to read, so a `(year, manager) => …` listener still fits.
 */
export type ArrangementListener = (year: number, manager: EntityManager, change: ArrangementChange) => Promise<void>;

/** The instants bounding `year` in China time: a query's `start <= to AND due >= from`. */
export function yearSpan(year: number): { from: Date; to: Date } {
  return { from: startOfChinaDay(`${year}-01-01`), to: endOfChinaDay(`${year}-12-31`) };
}

/**
 * Whether a deadline counted from `start` to `due` can depend on the days of `year`: counting
 * looks at the days after the start day up to the deadline day, so only a span touching the year
 * can move when its arrangement changes — provisional or not.
 */
export function spanTouchesYear(start: Date | IsoDate, due: Date | IsoDate, year: number): boolean {
  const day = (d: Date | IsoDate) => (typeof d === 'string' ? d : chinaDateOf(d));
  return day(start) <= `${year}-12-31` && day(due) >= `${year}-01-01`;
}

const REFRESH_MS = 60_000;

/**
 * The working-day calendar of one service: the library's years, plus every arrangement the
 * catalog has published (kept in this service's own table), plus the statutory fallback for
 * years nobody has published yet. Only one replica consumes each event, so every replica also
 * re-reads the table once a minute.
 */
@Injectable()
export class ServiceCalendar implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ServiceCalendar.name);
  private calendar = new WorkingDayCalendar();
  private readonly listeners: ArrangementListener[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get current(): WorkingDayCalendar {
    return this.calendar;
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.refreshTimer = setInterval(() => void this.refresh().catch((e) => this.logger.warn(`calendar refresh failed: ${e.message}`)), REFRESH_MS);
    this.refreshTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
  }

  /**
   * Registered by the service's deadline owners (supervision tasks, complaints …): called on every
   * change of a year's arrangement — first load, correction, restore — see {@link ArrangementListener}.
   */
  onArrangementLoaded(listener: ArrangementListener): void {
    this.listeners.push(listener);
  }

  async refresh(): Promise<void> {
    const rows = await this.dataSource.getRepository(CalendarArrangementCopy).find({ order: { year: 'ASC' } });
    this.calendar = new WorkingDayCalendar(rows.map((r) => r.arrangement));
  }

  /**
   * Replaces this service's copy of the year's arrangement with the event's — only for a higher
   * revision than the copy's, so an older event delivered late changes nothing — and has every
   * listener recompute, all in the caller's transaction. Returns false for a stale or repeated
   * revision. An event without a whole revision, or whose arrangement is of another year, is
   * malformed: it is refused (and parked), never applied.
   */
  async apply(event: CalendarArrangementLoadedV1, manager: EntityManager): Promise<boolean> {
    if (!Number.isInteger(event?.year) || !Number.isInteger(event.revision) || event.revision < 1) {
      throw new MalformedEventError(`a holiday arrangement event needs a year and a whole revision ≥ 1, got year ${event?.year} revision ${event?.revision}`);
    }
    if (event.arrangement?.year !== event.year || !Array.isArray(event.arrangement.holidays) || !Array.isArray(event.arrangement.workdays)) {
      throw new MalformedEventError(`the holiday arrangement event of ${event.year} carries no arrangement of that year`);
    }
    // the copy is locked for the comparison, so two deliveries of different revisions serialise
    const [previous] = await manager.query('SELECT revision FROM calendar_arrangements WHERE year = $1 FOR UPDATE', [event.year]);
    const [row] = await manager.query(
      `INSERT INTO calendar_arrangements (year, revision, arrangement, loaded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET revision = EXCLUDED.revision, arrangement = EXCLUDED.arrangement, loaded_at = EXCLUDED.loaded_at
       WHERE calendar_arrangements.revision < EXCLUDED.revision
       RETURNING year`,
      [event.year, event.revision, JSON.stringify(event.arrangement), event.loadedAt],
    );
    if (!row) return false;
    const next = new WorkingDayCalendar();
    for (const copy of await manager.getRepository(CalendarArrangementCopy).find({ order: { year: 'ASC' } })) next.load(copy.arrangement);
    const before = this.calendar;
    this.calendar = next;
    const change: ArrangementChange = {
      year: event.year,
      revision: event.revision,
      restoredFromRevision: event.restoredFromRevision ?? null,
      replacedRevision: previous?.revision ?? null,
      ...yearSpan(event.year),
    };
    try {
      for (const listener of this.listeners) await listener(event.year, manager, change);
    } catch (e) {
      // the transaction rolls back: keep counting with what is still stored until it is retried
      this.calendar = before;
      throw e;
    }
    return true;
  }
}
