import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addCalendarDays, DayStatus, LIBRARY_YEARS, weekdayOf, WorkingDayCalendar } from '@cityworks/calendar';
import { CalendarArrangementLoadedV1, CalendarDayAnswer, CatalogEventTypes, Topics } from '@cityworks/contracts';
import { OutboxRelay, OutboxWriter } from '@cityworks/messaging';
import { AuditTrail, FieldError } from '@cityworks/platform';
import { fieldError, invalid } from '@cityworks/platform';
import { CalendarArrangement } from './calendar-arrangement.entity';
import { LoadArrangementDto } from './dto/calendar-requests.dto';

/** How long a replica trusts its copy of the arrangements before re-reading them. */
const REFRESH_MS = 5000;

export interface YearView {
  year: number;
  source: 'override' | 'official' | 'fallback';
  /** days off that are not plain weekends, and weekend days worked (调休) */
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

const isWeekend = (date: string) => [0, 6].includes(weekdayOf(date));

/**
 * The working-day calendar as the catalog serves it: the library, with the arrangements the
 * reform office loaded on top (kept in the database, so every replica and restart sees them).
 */
@Injectable()
export class CalendarService {
  private cached: { calendar: WorkingDayCalendar; at: number } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async calendar(): Promise<WorkingDayCalendar> {
    if (!this.cached || Date.now() - this.cached.at > REFRESH_MS) {
      const rows = await this.dataSource.getRepository(CalendarArrangement).find({ order: { year: 'ASC' } });
      this.cached = { calendar: new WorkingDayCalendar(rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays }))), at: Date.now() };
    }
    return this.cached.calendar;
  }

  /**
   * Loads (or corrects) a year's official arrangement and announces it, so services holding
   * deadlines across that year — provisional ones above all — recompute them.
   */
  async load(dto: LoadArrangementDto, loadedBy?: string | null): Promise<CalendarArrangement> {
    const errors = this.check(dto);
    if (errors.length) throw invalid(errors);
    const saved = await this.dataSource.transaction(async (manager) => {
      const previous = await manager.findOne(CalendarArrangement, { where: { year: dto.year }, lock: { mode: 'pessimistic_write' } });
      const row: CalendarArrangement = {
        year: dto.year,
        holidays: [...dto.holidays].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, name: d.name })),
        workdays: [...dto.workdays].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, name: d.name })),
        sourceDocument: dto.sourceDocument ?? null,
        revision: (previous?.revision ?? 0) + 1,
        loadedAt: new Date(),
        loadedBy: loadedBy ?? null,
      };
      await manager.save(CalendarArrangement, row);
      await this.audit.record(manager, {
        action: 'calendar-arrangement.loaded',
        resourceType: 'calendar-arrangement',
        resourceId: String(dto.year),
        before: previous ? { revision: previous.revision, holidays: previous.holidays.length, workdays: previous.workdays.length } : null,
        after: { revision: row.revision, holidays: row.holidays.length, workdays: row.workdays.length, sourceDocument: row.sourceDocument },
      });
      await this.outbox.add<CalendarArrangementLoadedV1>(manager, Topics.catalog, {
        type: CatalogEventTypes.calendarArrangementLoaded,
        subject: `calendar:${dto.year}`,
        data: {
          year: row.year,
          revision: row.revision,
          arrangement: { year: row.year, holidays: row.holidays, workdays: row.workdays },
          replacedFallback: !previous && !LIBRARY_YEARS.has(row.year),
          sourceDocument: row.sourceDocument,
          loadedAt: row.loadedAt.toISOString(),
        },
      });
      return row;
    });
    this.relay.nudge();
    this.cached = undefined;
    return saved;
  }

  private check(dto: LoadArrangementDto): FieldError[] {
    const errors: FieldError[] = [];
    const seen = new Map<string, string>();
    for (const [list, days] of [['holidays', dto.holidays], ['workdays', dto.workdays]] as const) {
      days.forEach((day, i) => {
        const field = `${list}.${i}.date`;
        if (!day.date.startsWith(`${dto.year}-`)) errors.push(fieldError(field, 'inYear', `${field} ${day.date} is not in ${dto.year}`));
        if (seen.has(day.date)) errors.push(fieldError(field, 'unique', `${field} ${day.date} is already listed as ${seen.get(day.date)}`));
        seen.set(day.date, field);
        if (list === 'workdays' && !isWeekend(day.date)) errors.push(fieldError(field, 'isWeekend', `${field} ${day.date} is a weekday: a 调休 working day falls on a weekend`));
      });
    }
    return errors;
  }

  async arrangements(): Promise<CalendarArrangement[]> {
    return this.dataSource.getRepository(CalendarArrangement).find({ order: { year: 'ASC' } });
  }

  async arrangement(year: number): Promise<CalendarArrangement> {
    const row = await this.dataSource.getRepository(CalendarArrangement).findOne({ where: { year } });
    if (!row) throw new NotFoundException(`no arrangement has been loaded for ${year}`);
    return row;
  }

  /** A year as the calendar sees it now: loaded, from the library, or the statutory fallback. */
  async year(year: number): Promise<YearView> {
    const calendar = await this.calendar();
    const view: YearView = { year, source: calendar.sourceOfYear(year), holidays: [], workdays: [] };
    for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addCalendarDays(date, 1)) {
      const day = calendar.day(date);
      if (!day.working && (day.name || !isWeekend(date))) view.holidays.push({ date, name: day.name ?? '休息' });
      if (day.working && isWeekend(date)) view.workdays.push({ date, name: day.name ?? '调休' });
    }
    return view;
  }

  async day(date: string): Promise<CalendarDayAnswer> {
    return answer((await this.calendar()).day(date));
  }

  async days(from: string, to: string): Promise<CalendarDayAnswer[]> {
    if (to < from) throw invalid([fieldError('to', 'notBeforeFrom', 'to must not be before from')]);
    if (to > addCalendarDays(from, 366)) throw invalid([fieldError('to', 'maxRange', 'a range may span at most 367 days')]);
    const calendar = await this.calendar();
    const out: CalendarDayAnswer[] = [];
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(answer(calendar.day(d)));
    return out;
  }

  async addWorkingDays(start: string, days: number) {
    return this.guard(async () => (await this.calendar()).addWorkingDays(start, days));
  }

  async subtractWorkingDays(date: string, days: number) {
    return this.guard(async () => (await this.calendar()).subtractWorkingDays(date, days));
  }

  async workingDaysBetween(from: string, to: string) {
    if (Math.abs(Date.parse(to) - Date.parse(from)) > 3660 * 86400000) throw invalid([fieldError('to', 'maxRange', 'from and to may be at most ten years apart')]);
    return this.guard(async () => (await this.calendar()).workingDaysBetween(from, to));
  }

  async dueInstant(acceptedAt: string, limitDays: number, suspendedWorkingDays = 0) {
    const instant = new Date(acceptedAt);
    if (Number.isNaN(instant.getTime())) throw invalid([fieldError('acceptedAt', 'isISO8601', 'acceptedAt must be an ISO 8601 instant')]);
    const due = await this.guard(async () => (await this.calendar()).dueInstant(instant, limitDays, suspendedWorkingDays));
    return { dueAt: due.dueAt.toISOString(), dueDate: due.dueDate, provisional: due.provisional };
  }

  /** The calendar refuses nonsense with RangeError: that is the caller's 400, not our 500. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof RangeError) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: e.message });
      throw e;
    }
  }
}

function answer(day: DayStatus): CalendarDayAnswer {
  return { ...day, provisional: day.source === 'fallback' };
}
