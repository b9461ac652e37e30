import { PlatformModule } from '@cityworks/platform';
import { InboxEvent, MessagingModule, OutboxEvent } from '@cityworks/messaging';
import { Region } from './regions/region.entity';
import { RegionsModule } from './regions/regions.module';
import { Department } from './departments/department.entity';
import { LetterOffice } from './departments/letter-office.entity';
import { DepartmentsModule } from './departments/departments.module';
import { ApprovalItemVersion } from './approval-items/approval-item-version.entity';
import { ApprovalItemsModule } from './approval-items/approval-items.module';
import { SupervisionItemVersion } from './supervision-items/supervision-item-version.entity';
import { SupervisionItemsModule } from './supervision-items/supervision-items.module';
import { ListAdjustment } from './adjustments/list-adjustment.entity';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import { StageTemplateVersion } from './stage-templates/stage-template-version.entity';
import { StageTemplatesModule } from './stage-templates/stage-templates.module';
import { CalendarArrangement } from './calendar/calendar-arrangement.entity';
import { CalendarArrangementRevision } from './calendar/calendar-arrangement-revision.entity';
import { CalendarModule } from './calendar/calendar.module';
import { DemoModule } from './demo/demo.module';
import { catalogMigrations } from './migrations';

export const catalogEntities = [
  Region,
  Department,
  LetterOffice,
  ApprovalItemVersion,
  SupervisionItemVersion,
  StageTemplateVersion,
  ListAdjustment,
  CalendarArrangement,
  CalendarArrangementRevision,
  OutboxEvent,
  InboxEvent,
];

/** Database, outbox and every capability: what both the HTTP service and the demo CLI need. */
export const catalogCore = [
  PlatformModule.forService({ service: 'catalog', schema: 'catalog', entities: catalogEntities, migrations: catalogMigrations }),
  MessagingModule.forService({ service: 'catalog' }),
  RegionsModule,
  DepartmentsModule,
  ApprovalItemsModule,
  SupervisionItemsModule,
  AdjustmentsModule,
  StageTemplatesModule,
  CalendarModule,
  DemoModule,
];
