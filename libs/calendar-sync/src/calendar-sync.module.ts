import { Module } from '@nestjs/common';
import { ServiceCalendar } from './service-calendar';
import { CalendarArrangementHandler } from './calendar-arrangement.handler';

/**
 * A service's working-day calendar kept in step with the catalog's published arrangements.
 * The service lists CalendarArrangementCopy and its migration, and subscribes to Topics.catalog.
 */
@Module({
  providers: [ServiceCalendar, CalendarArrangementHandler],
  exports: [ServiceCalendar],
})
export class CalendarSyncModule {}
