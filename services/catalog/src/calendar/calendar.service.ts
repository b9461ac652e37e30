import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { addCalendarDays, arrangementViolations, DayStatus, LIBRARY_YEARS, weekdayOf, WorkingDayCalendar } from '@cityworks/calendar';
import { CalendarArrangementLoadedV1, CalendarDayAnswer, CatalogEventTypes, Topics } from '@cityworks/contracts';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { fieldError, invalid } from '@cityworks/platform';
import { CalendarArrangement } from './calendar-arrangement.entity';
import { CalendarArrangementRevision } from './calendar-arrangement-revision.entity';
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

type ArrangedDays = { date: string; name: string }[];

const sortedDays = (days: ArrangedDays): ArrangedDays => [...days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, name: d.name }));

const sameDays = (a: { holidays: ArrangedDays; workdays: ArrangedDays }, b: { holidays: ArrangedDays; workdays: ArrangedDays }) =>
  JSON.stringify([sortedDays(a.holidays), sortedDays(a.workdays)]) === JSON.stringify([sortedDays(b.holidays), sortedDays(b.workdays)]);

/** One change of a year's arrangement at a time (drafts are numbered, revisions too). */
async function lockYear(manager: EntityManager, year: number): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.calendar_arrangements'), $1)`, [year]);
}

/**
 * The working-day calendar as the catalog serves it: the library, with the arrangements the
 * reform office loaded on top (kept in the database, so every replica and restart sees them).
 */
@Injectable()
export class CalendarService {
  private cached: { calendar: WorkingDayCalendar; at: number } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async calendar(): Promise<WorkingDayCalendar> {
    if (!this.cached || Date.now() - this.cached.at > REFRESH_MS) {
      const rows = await this.dataSource.getRepository(CalendarArrangement).find({ order: { year: 'ASC' } });
      this.cached = { calendar: new WorkingDayCalendar(rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays }))), at: Date.now() };
    }
    return this.cached.calendar;
  }

  /**
   * Loads (or corrects) a year's official arrangement as a draft: checked against the rules every
   * arrangement must keep (400 naming the field and the rule, nothing written), then held until a
   * second, different reform-office user confirms it. Nothing takes effect and nothing is
   * announced before that.
   */
  async propose(dto: LoadArrangementDto, proposedBy: string | null): Promise<CalendarArrangementRevision> {
    const arrangement = {
      year: dto.year,
      holidays: sortedDays(dto.holidays),
      workdays: sortedDays(dto.workdays),
    };
    const errors = arrangementViolations({ year: dto.year, holidays: dto.holidays, workdays: dto.workdays }).map((v) => fieldError(v.field, v.rule, v.message));
    if (errors.length) throw invalid(errors);
    return this.uow.run((change) => this.draft(change, { ...arrangement, sourceDocument: dto.sourceDocument ?? null, restoredFromRevision: null }, proposedBy));
  }

  /**
   * Brings an earlier confirmed revision back, as a draft like any other change of the official
   * calendar: a second, different reform-office user must confirm it before it takes effect and
   * goes out again for every service to recompute its deadlines.
   */
  async restore(year: number, revision: number, proposedBy: string | null): Promise<CalendarArrangementRevision> {
    return this.uow.run(async (change) => {
      const manager = change.manager;
      await lockYear(manager, year);
      const earlier = await manager.findOne(CalendarArrangementRevision, { where: { year, revision, status: 'confirmed' } });
      if (!earlier) throw new NotFoundException(`${year} has no confirmed revision ${revision}`);
      const inForce = await manager.findOne(CalendarArrangement, { where: { year } });
      if (inForce && sameDays(inForce, earlier)) {
        throw new ConflictException(
          `revision ${revision} of ${year} is already in force (its days are those of revision ${inForce.revision}): nothing to restore`,
        );
      }
      // an arrangement loaded before the rules were checked may break them: it cannot come back
      const violations = arrangementViolations({ year, holidays: earlier.holidays, workdays: earlier.workdays });
      if (violations.length) {
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: `revision ${revision} of ${year} cannot be restored: ${violations.map((v) => v.message).join('; ')}`,
          errors: violations.map((v) => fieldError(v.field, v.rule, v.message)),
        });
      }
      return this.draft(
        change,
        { year, holidays: earlier.holidays, workdays: earlier.workdays, sourceDocument: earlier.sourceDocument, restoredFromRevision: revision },
        proposedBy,
      );
    });
  }

  private async draft(
    change: StateChange,
    content: Pick<CalendarArrangementRevision, 'year' | 'holidays' | 'workdays' | 'sourceDocument' | 'restoredFromRevision'>,
    proposedBy: string | null,
  ): Promise<CalendarArrangementRevision> {
    const manager = change.manager;
    await lockYear(manager, content.year);
    const inForce = await manager.findOne(CalendarArrangement, { where: { year: content.year } });
    const [{ last }] = await manager.query('SELECT COALESCE(MAX(draft), 0)::int AS last FROM calendar_arrangement_revisions WHERE year = $1', [content.year]);
    const row: CalendarArrangementRevision = {
      id: randomUUID(),
      ...content,
      draft: last + 1,
      status: 'draft',
      revision: null,
      baseRevision: inForce?.revision ?? null,
      proposedBy,
      proposedAt: new Date(),
      confirmedBy: null,
      confirmedAt: null,
      discardedBy: null,
      discardedAt: null,
    };
    await manager.insert(CalendarArrangementRevision, row);
    change.audit({
      action: content.restoredFromRevision ? 'calendar-arrangement.restore-drafted' : 'calendar-arrangement.drafted',
      resourceType: 'calendar-arrangement',
      resourceId: String(content.year),
      before: inForce ? { revision: inForce.revision } : null,
      after: {
        draft: row.draft,
        holidays: row.holidays.length,
        workdays: row.workdays.length,
        sourceDocument: row.sourceDocument,
        restoredFromRevision: row.restoredFromRevision,
      },
    });
    return row;
  }

  /**
   * 四眼原则: a second, different reform-office user confirms a draft. It becomes the year's next
   * revision and the arrangement in force, and catalog.calendar-arrangement-loaded.v1 tells the
   * services to replace their copy and recompute their open deadlines across that year.
   */
  async confirm(year: number, draftNo: number, confirmedBy: string | null): Promise<CalendarArrangementRevision> {
    const saved = await this.uow.run(async (change) => {
      const manager = change.manager;
      await lockYear(manager, year);
      const draft = await this.openDraft(manager, year, draftNo);
      if (!confirmedBy || !draft.proposedBy || confirmedBy === draft.proposedBy) {
        throw new ForbiddenException({
          statusCode: 403,
          error: 'Forbidden',
          message: `four-eyes rule (四眼原则): draft ${draftNo} of ${year} was loaded by ${draft.proposedBy ?? 'an unknown user'}; a second, different reform-office user must confirm it`,
        });
      }
      const previous = await manager.findOne(CalendarArrangement, { where: { year } });
      if ((previous?.revision ?? null) !== draft.baseRevision) {
        throw new ConflictException(
          `draft ${draftNo} of ${year} was made against ${draft.baseRevision ? `revision ${draft.baseRevision}` : 'no arrangement'}, but revision ${previous?.revision} has been confirmed since: discard it and load the arrangement again`,
        );
      }
      const [{ last }] = await manager.query(
        "SELECT COALESCE(MAX(revision), 0)::int AS last FROM calendar_arrangement_revisions WHERE year = $1 AND status = 'confirmed'",
        [year],
      );
      const now = new Date();
      const revision = Math.max(last, previous?.revision ?? 0) + 1;
      await manager.update(CalendarArrangementRevision, { id: draft.id }, { status: 'confirmed', revision, confirmedBy, confirmedAt: now });
      const inForce: CalendarArrangement = {
        year,
        holidays: draft.holidays,
        workdays: draft.workdays,
        sourceDocument: draft.sourceDocument,
        revision,
        loadedAt: now,
        loadedBy: draft.proposedBy,
        confirmedBy,
        restoredFromRevision: draft.restoredFromRevision,
      };
      await manager.save(CalendarArrangement, inForce);
      change.audit({
        action: 'calendar-arrangement.confirmed',
        resourceType: 'calendar-arrangement',
        resourceId: String(year),
        before: previous ? { revision: previous.revision, holidays: previous.holidays.length, workdays: previous.workdays.length } : null,
        after: {
          revision,
          draft: draft.draft,
          proposedBy: draft.proposedBy,
          holidays: inForce.holidays.length,
          workdays: inForce.workdays.length,
          sourceDocument: inForce.sourceDocument,
          restoredFromRevision: inForce.restoredFromRevision,
        },
      });
      change.publish<CalendarArrangementLoadedV1>(Topics.catalog, {
        type: CatalogEventTypes.calendarArrangementLoaded,
        subject: `calendar:${year}`,
        data: {
          year,
          revision,
          arrangement: { year, holidays: inForce.holidays, workdays: inForce.workdays },
          replacedFallback: !previous && !LIBRARY_YEARS.has(year),
          sourceDocument: inForce.sourceDocument,
          loadedAt: now.toISOString(),
          restoredFromRevision: inForce.restoredFromRevision,
        },
      });
      return { ...draft, status: 'confirmed' as const, revision, confirmedBy, confirmedAt: now };
    });
    this.cached = undefined;
    return saved;
  }

  /** A draft nobody will confirm: kept, marked discarded. The proposer may discard it too. */
  async discard(year: number, draftNo: number, discardedBy: string | null): Promise<CalendarArrangementRevision> {
    return this.uow.run(async (change) => {
      const manager = change.manager;
      await lockYear(manager, year);
      const draft = await this.openDraft(manager, year, draftNo);
      const now = new Date();
      await manager.update(CalendarArrangementRevision, { id: draft.id }, { status: 'discarded', discardedBy, discardedAt: now });
      change.audit({
        action: 'calendar-arrangement.draft-discarded',
        resourceType: 'calendar-arrangement',
        resourceId: String(year),
        before: { draft: draft.draft, status: 'draft', proposedBy: draft.proposedBy },
        after: { draft: draft.draft, status: 'discarded' },
      });
      return { ...draft, status: 'discarded' as const, discardedBy, discardedAt: now };
    });
  }

  private async openDraft(manager: EntityManager, year: number, draftNo: number): Promise<CalendarArrangementRevision> {
    const draft = await manager.findOne(CalendarArrangementRevision, { where: { year, draft: draftNo }, lock: { mode: 'pessimistic_write' } });
    if (!draft) throw new NotFoundException(`${year} has no draft ${draftNo}`);
    if (draft.status !== 'draft') {
      throw new ConflictException(
        `draft ${draftNo} of ${year} is already ${draft.status}${draft.revision ? ` (revision ${draft.revision})` : ''}: only an open draft can be confirmed or discarded`,
      );
    }
    return draft;
  }

  /** Drafts of a year waiting for a second user's confirmation, oldest first. */
  async drafts(year: number): Promise<CalendarArrangementRevision[]> {
    return this.dataSource.getRepository(CalendarArrangementRevision).find({ where: { year, status: 'draft' }, order: { draft: 'ASC' } });
  }

  /** One load of a year, whatever became of it. */
  async draftOf(year: number, draftNo: number): Promise<CalendarArrangementRevision> {
    const row = await this.dataSource.getRepository(CalendarArrangementRevision).findOne({ where: { year, draft: draftNo } });
    if (!row) throw new NotFoundException(`${year} has no draft ${draftNo}`);
    return row;
  }

  /** Every confirmed arrangement of a year, revision 1 first; the last is in force. */
  async revisions(year: number): Promise<CalendarArrangementRevision[]> {
    return this.dataSource.getRepository(CalendarArrangementRevision).find({ where: { year, status: 'confirmed' }, order: { revision: 'ASC' } });
  }

  async revision(year: number, revision: number): Promise<CalendarArrangementRevision> {
    const row = await this.dataSource.getRepository(CalendarArrangementRevision).findOne({ where: { year, revision, status: 'confirmed' } });
    if (!row) throw new NotFoundException(`${year} has no confirmed revision ${revision}`);
    return row;
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
    if (Math.abs(Date.parse(to) - Date.parse(from)) > 3660 * 86400000)
      throw invalid([fieldError('to', 'maxRange', 'from and to may be at most ten years apart')]);
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
