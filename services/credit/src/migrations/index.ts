import { messagingMigrations } from '@cityworks/messaging';
import { CreditRecords1764000000400 } from './1764000000400-credit-records';
import { CreditFromEventsAndGrades1764000000410 } from './1764000000410-credit-from-events-and-grades';
import { CreditRepairs1764000000420 } from './1764000000420-credit-repairs';
import { CreditSubjects1764000000430 } from './1764000000430-credit-subjects';
import { CalendarArrangementCopies1764000000060 } from '@cityworks/calendar-sync';
import { CreditPublications1764000000440 } from './1764000000440-credit-publications';
import { CreditPublicationWithdrawal1764000000441 } from './1764000000441-credit-publication-withdrawal';

export const creditMigrations = [
  ...messagingMigrations,
  CreditRecords1764000000400,
  CreditFromEventsAndGrades1764000000410,
  CreditRepairs1764000000420,
  CreditSubjects1764000000430,
  CalendarArrangementCopies1764000000060,
  CreditPublications1764000000440,
  CreditPublicationWithdrawal1764000000441,
];
