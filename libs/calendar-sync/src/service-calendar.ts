import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WorkingDayCalendar } from '@cityworks/calendar';
import type { CalendarArrangementLoadedV1 } from '@cityworks/contracts';
import { CalendarArrangementCopy } from './calendar-arrangement-copy.entity';

/** Recomputes a service's open deadlines once a year's official arrangement is known. */
export type ArrangementListener = (year: number, manager: EntityManager) => Promise<void>;

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

  /** Registered by the service's deadline owners (supervision tasks, complaints …). */
  onArrangementLoaded(listener: ArrangementListener): void {
    this.listeners.push(listener);
  }

  async refresh(): Promise<void> {
    const rows = await this.dataSource.getRepository(CalendarArrangementCopy).find({ order: { year: 'ASC' } });
    this.calendar = new WorkingDayCalendar(rows.map((r) => r.arrangement));
  }

  /**
   * Keeps the arrangement (a newer revision only) and has every listener recompute, all in the
   * caller's transaction. Returns false for a stale or repeated revision.
   */
  async apply(event: CalendarArrangementLoadedV1, manager: EntityManager): Promise<boolean> {
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
    this.calendar = next;
    for (const listener of this.listeners) await listener(event.year, manager);
    return true;
  }
}
