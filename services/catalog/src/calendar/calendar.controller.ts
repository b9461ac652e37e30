import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@cityworks/contracts';
import { ApiErrors, CurrentUser } from '@cityworks/platform';
import { CanMaintain, CanRead } from '../common/access';
import { DatePipe, YearPipe } from '../common/pipes';
import { CalendarService } from './calendar.service';
import { DraftPipe, RevisionPipe } from './calendar.pipes';
import { ArrangementRevisionView, ArrangementView } from './dto/calendar-views';
import { AddWorkingDaysQuery, BetweenQuery, DueQuery, LoadArrangementDto, SubtractWorkingDaysQuery } from './dto/calendar-requests.dto';

/** Path numbers as the pipes take them, so generated requests know the valid range. */
const yearParam = ApiParam({ name: 'year', schema: { type: 'integer', minimum: 1950, maximum: 2100 } });
const draftParam = ApiParam({ name: 'draft', description: 'the number of the load within its year', schema: DraftPipe.openApi });
const revisionParam = ApiParam({ name: 'revision', description: 'a confirmed revision of the year', schema: RevisionPipe.openApi });

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('days/:date')
  @CanRead()
  @ApiOperation({
    summary: 'Is it a working day? With the holiday or 调休 name, where the answer comes from, and whether it is provisional (statutory fallback)',
  })
  day(@Param('date', DatePipe) date: string) {
    return this.calendar.day(date);
  }

  @Get('days')
  @CanRead()
  @ApiOperation({ summary: 'Every day from `from` to `to` (at most a year)' })
  days(@Query() query: BetweenQuery) {
    return this.calendar.days(query.from, query.to);
  }

  @Get('add-working-days')
  @CanRead()
  @ApiOperation({ summary: 'The Nth working day after start (the start day not counted); provisional when it crosses a year with no official arrangement' })
  add(@Query() query: AddWorkingDaysQuery) {
    return this.calendar.addWorkingDays(query.start, query.days);
  }

  @Get('subtract-working-days')
  @CanRead()
  @ApiOperation({ summary: 'The Nth working day before date (e.g. when to warn ahead of a deadline)' })
  subtract(@Query() query: SubtractWorkingDaysQuery) {
    return this.calendar.subtractWorkingDays(query.date, query.days);
  }

  @Get('working-days-between')
  @CanRead()
  @ApiOperation({ summary: 'Working days in (from, to]: the days used between acceptance and decision' })
  between(@Query() query: BetweenQuery) {
    return this.calendar.workingDaysBetween(query.from, query.to);
  }

  @Get('due')
  @CanRead()
  @ApiOperation({
    summary: 'When a limit of N working days expires: the end (China time) of the Nth working day after acceptance, pushed back by legal clock-stops',
  })
  due(@Query() query: DueQuery) {
    return this.calendar.dueInstant(query.acceptedAt, query.limitDays, query.suspendedWorkingDays ?? 0);
  }

  @Get('years/:year')
  @yearParam
  @CanRead()
  @ApiOperation({ summary: "A year's days off and 调休 days as the calendar applies them, and their source (override, official library, statutory fallback)" })
  year(@Param('year', YearPipe) year: number) {
    return this.calendar.year(year);
  }

  @Get('arrangements')
  @CanRead()
  @ApiOperation({ summary: "The official arrangements in force, one per year: each year's latest confirmed revision" })
  @ApiOkResponse({ type: [ArrangementView] })
  @ApiErrors([403, 'the role may not read the catalog'])
  arrangements() {
    return this.calendar.arrangements();
  }

  @Get('arrangements/:year')
  @yearParam
  @CanRead()
  @ApiOperation({ summary: "A year's arrangement in force (its latest confirmed revision)" })
  @ApiOkResponse({ type: ArrangementView })
  @ApiErrors(
    [400, 'year is not a whole number from 1950 to 2100'],
    [403, 'the role may not read the catalog'],
    [404, 'no arrangement of that year has been confirmed'],
  )
  arrangement(@Param('year', YearPipe) year: number) {
    return this.calendar.arrangement(year);
  }

  @Post('arrangements')
  @CanMaintain()
  @ApiOperation({
    summary:
      "Load (or correct) a year's official holiday arrangement as a draft. It must keep every statutory day off of 《全国年节及纪念日放假办法》 第二条 (13 days from 2025), its dates inside the year, 调休 working days on weekends and no date both off and worked (400 naming field and rule, nothing written). It takes effect only when a second, different reform-office user confirms it (四眼原则)",
  })
  @ApiCreatedResponse({ type: ArrangementRevisionView, description: 'the draft, waiting for confirmation' })
  @ApiErrors([400, 'the arrangement breaks a rule: every field and rule named'], [403, 'only the reform office (工改办) loads arrangements'])
  load(@Body() body: LoadArrangementDto, @CurrentUser() user?: AuthUser) {
    return this.calendar.propose(body, user?.userId ?? null);
  }

  @Get('arrangements/:year/drafts')
  @yearParam
  @CanRead()
  @ApiOperation({ summary: 'Drafts of a year waiting for a second reform-office user to confirm them' })
  @ApiOkResponse({ type: [ArrangementRevisionView] })
  @ApiErrors([400, 'year is not a whole number from 1950 to 2100'], [403, 'the role may not read the catalog'])
  drafts(@Param('year', YearPipe) year: number) {
    return this.calendar.drafts(year);
  }

  @Get('arrangements/:year/drafts/:draft')
  @yearParam
  @draftParam
  @CanRead()
  @ApiOperation({ summary: "One load of a year's arrangement, whatever became of it (draft, confirmed, discarded)" })
  @ApiOkResponse({ type: ArrangementRevisionView })
  @ApiErrors([400, 'year or draft is not a valid number'], [403, 'the role may not read the catalog'], [404, 'the year has no such draft'])
  draft(@Param('year', YearPipe) year: number, @Param('draft', DraftPipe) draft: number) {
    return this.calendar.draftOf(year, draft);
  }

  @Post('arrangements/:year/drafts/:draft/confirm')
  @yearParam
  @draftParam
  @CanMaintain()
  @ApiOperation({
    summary:
      "四眼原则: a second, different reform-office user confirms a draft. It becomes the year's next revision and the arrangement in force, and catalog.calendar-arrangement-loaded.v1 tells the services to recompute their open deadlines across that year",
  })
  @ApiCreatedResponse({ type: ArrangementRevisionView, description: 'the confirmed revision' })
  @ApiErrors(
    [400, 'year or draft is not a valid number'],
    [403, 'not the reform office, or the same user who loaded the draft (四眼原则)'],
    [404, 'the year has no such draft'],
    [409, 'the draft is no longer open, or another revision has been confirmed since it was drafted'],
  )
  confirm(@Param('year', YearPipe) year: number, @Param('draft', DraftPipe) draft: number, @CurrentUser() user?: AuthUser) {
    return this.calendar.confirm(year, draft, user?.userId ?? null);
  }

  @Delete('arrangements/:year/drafts/:draft')
  @yearParam
  @draftParam
  @CanMaintain()
  @ApiOperation({ summary: 'Discard a draft nobody will confirm (it is kept, marked discarded)' })
  @ApiOkResponse({ type: ArrangementRevisionView, description: 'the discarded draft' })
  @ApiErrors(
    [400, 'year or draft is not a valid number'],
    [403, 'only the reform office (工改办) discards drafts'],
    [404, 'the year has no such draft'],
    [409, 'the draft is already confirmed or discarded'],
  )
  discard(@Param('year', YearPipe) year: number, @Param('draft', DraftPipe) draft: number, @CurrentUser() user?: AuthUser) {
    return this.calendar.discard(year, draft, user?.userId ?? null);
  }

  @Get('arrangements/:year/revisions')
  @yearParam
  @CanRead()
  @ApiOperation({ summary: 'Every confirmed arrangement of a year, revision 1 first; the last one is in force' })
  @ApiOkResponse({ type: [ArrangementRevisionView] })
  @ApiErrors([400, 'year is not a whole number from 1950 to 2100'], [403, 'the role may not read the catalog'])
  revisions(@Param('year', YearPipe) year: number) {
    return this.calendar.revisions(year);
  }

  @Get('arrangements/:year/revisions/:revision')
  @yearParam
  @revisionParam
  @CanRead()
  @ApiOperation({ summary: "One confirmed revision of a year's arrangement" })
  @ApiOkResponse({ type: ArrangementRevisionView })
  @ApiErrors([400, 'year or revision is not a valid number'], [403, 'the role may not read the catalog'], [404, 'the year has no such confirmed revision'])
  revision(@Param('year', YearPipe) year: number, @Param('revision', RevisionPipe) revision: number) {
    return this.calendar.revision(year, revision);
  }

  @Post('arrangements/:year/revisions/:revision/restore')
  @yearParam
  @revisionParam
  @CanMaintain()
  @ApiOperation({
    summary:
      'Restore an earlier revision: a draft with its days, which like any change of the official calendar takes effect only when a second, different reform-office user confirms it (then it becomes the next revision and goes out again, so the services recompute their deadlines)',
  })
  @ApiCreatedResponse({ type: ArrangementRevisionView, description: 'the draft restoring the revision' })
  @ApiErrors(
    [400, 'year or revision is not a valid number'],
    [403, 'only the reform office (工改办) restores arrangements'],
    [404, 'the year has no such confirmed revision'],
    [409, 'its days are already in force, or it breaks the rules every arrangement must keep'],
  )
  restore(@Param('year', YearPipe) year: number, @Param('revision', RevisionPipe) revision: number, @CurrentUser() user?: AuthUser) {
    return this.calendar.restore(year, revision, user?.userId ?? null);
  }
}
