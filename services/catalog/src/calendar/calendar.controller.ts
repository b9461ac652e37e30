import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@cityworks/contracts';
import { CurrentUser } from '@cityworks/platform';
import { CanMaintain, CanRead } from '../common/access';
import { DatePipe, YearPipe } from '../common/pipes';
import { CalendarService } from './calendar.service';
import { AddWorkingDaysQuery, BetweenQuery, DueQuery, LoadArrangementDto, SubtractWorkingDaysQuery } from './dto/calendar-requests.dto';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('days/:date')
  @CanRead()
  @ApiOperation({ summary: 'Is it a working day? With the holiday or 调休 name, where the answer comes from, and whether it is provisional (statutory fallback)' })
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
  @ApiOperation({ summary: 'When a limit of N working days expires: the end (China time) of the Nth working day after acceptance, pushed back by legal clock-stops' })
  due(@Query() query: DueQuery) {
    return this.calendar.dueInstant(query.acceptedAt, query.limitDays, query.suspendedWorkingDays ?? 0);
  }

  @Get('years/:year')
  @CanRead()
  @ApiOperation({ summary: 'A year\'s days off and 调休 days as the calendar applies them, and their source (override, official library, statutory fallback)' })
  year(@Param('year', YearPipe) year: number) {
    return this.calendar.year(year);
  }

  @Get('arrangements')
  @CanRead()
  @ApiOperation({ summary: 'Official arrangements loaded by the reform office' })
  arrangements() {
    return this.calendar.arrangements();
  }

  @Get('arrangements/:year')
  @CanRead()
  arrangement(@Param('year', YearPipe) year: number) {
    return this.calendar.arrangement(year);
  }

  @Post('arrangements')
  @CanMaintain()
  @ApiOperation({
    summary: 'Load (or correct) a year\'s official holiday arrangement: it wins over the library and the statutory fallback; catalog.calendar-arrangement-loaded.v1 tells services to recompute deadlines across that year',
  })
  load(@Body() body: LoadArrangementDto, @CurrentUser() user?: AuthUser) {
    return this.calendar.load(body, user?.userId ?? null);
  }
}
