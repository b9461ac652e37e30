import { messagingMigrations } from '@cityworks/messaging';
import { CalendarArrangementCopies1764000000060 } from '@cityworks/calendar-sync';
import { SupervisionTasks1764000000100 } from './1764000000100-supervision-tasks';
import { SupervisionTaskDeadlineBasis1764000000110 } from './1764000000110-supervision-task-deadline-basis';
import { Letters1764000000120 } from './1764000000120-letters';
import { EscalationSteps1764000000130 } from './1764000000130-escalation-steps';
import { Commitments1764000000140 } from './1764000000140-commitments';
import { OversightReports1764000000150 } from './1764000000150-oversight-reports';
import { SubjectsAndPools1764000000160 } from './1764000000160-subjects-and-pools';
import { Campaigns1764000000161 } from './1764000000161-campaigns';
import { CampaignVisitGroups1764000000162 } from './1764000000162-campaign-visit-groups';
import { SupervisionActions1764000000170 } from './1764000000170-supervision-actions';
import { SupervisionLog1764000000171 } from './1764000000171-supervision-log';
import { InspectionTasks1764000000172 } from './1764000000172-inspection-tasks';
import { SupervisionItemVersions1764000000173 } from './1764000000173-supervision-item-versions';
import { ConductComplaints1764000000174 } from './1764000000174-conduct-complaints';

export const supervisionMigrations = [
  ...messagingMigrations,
  CalendarArrangementCopies1764000000060,
  SupervisionTasks1764000000100,
  SupervisionTaskDeadlineBasis1764000000110,
  Letters1764000000120,
  EscalationSteps1764000000130,
  Commitments1764000000140,
  OversightReports1764000000150,
  SubjectsAndPools1764000000160,
  Campaigns1764000000161,
  CampaignVisitGroups1764000000162,
  SupervisionActions1764000000170,
  SupervisionLog1764000000171,
  InspectionTasks1764000000172,
  SupervisionItemVersions1764000000173,
  ConductComplaints1764000000174,
];
