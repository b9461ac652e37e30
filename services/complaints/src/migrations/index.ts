import { messagingMigrations } from '@cityworks/messaging';
import { CalendarArrangementCopies1764000000060 } from '@cityworks/calendar-sync';
import { Complaints1764000000500 } from './1764000000500-complaints';
import { ComplaintKinds1764000000510 } from './1764000000510-complaint-kinds';
import { ComplaintRouting1764000000511 } from './1764000000511-complaint-routing';
import { ComplaintReview1764000000512 } from './1764000000512-complaint-review';
import { ComplainantSealed1764000000513 } from './1764000000513-complainant-sealed';

export const complaintsMigrations = [
  ...messagingMigrations,
  CalendarArrangementCopies1764000000060,
  Complaints1764000000500,
  ComplaintKinds1764000000510,
  ComplaintRouting1764000000511,
  ComplaintReview1764000000512,
  ComplainantSealed1764000000513,
];
