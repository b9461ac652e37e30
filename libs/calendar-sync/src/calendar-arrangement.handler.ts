import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarArrangementLoadedV1, CatalogEventTypes, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler } from '@cityworks/messaging';
import { ServiceCalendar } from './service-calendar';

/** catalog.calendar-arrangement-loaded.v1 → this service's copy of the year replaced, and its open deadlines across the year recomputed. */
@Injectable()
export class CalendarArrangementHandler implements IntegrationEventHandler<CalendarArrangementLoadedV1>, OnModuleInit {
  private readonly logger = new Logger(CalendarArrangementHandler.name);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly calendar: ServiceCalendar,
  ) {}

  onModuleInit(): void {
    this.consumer.register(CatalogEventTypes.calendarArrangementLoaded, this);
  }

  async handle(event: IntegrationEvent<CalendarArrangementLoadedV1>, manager: EntityManager): Promise<void> {
    const applied = await this.calendar.apply(event.data, manager);
    const restored = event.data.restoredFromRevision ? ` (restoring revision ${event.data.restoredFromRevision})` : '';
    this.logger.log(
      `holiday arrangement ${event.data.year} revision ${event.data.revision}${restored} ${applied ? 'replaced the copy; open deadlines across the year recomputed' : 'is not newer than the copy: ignored'}`,
    );
  }
}
