import { messagingMigrations } from '@cityworks/messaging';
import { CalendarArrangementCopies1764000000060 } from '@cityworks/calendar-sync';
import { ApplicationTermsAndClockStops1764000000230 } from './1764000000230-application-terms-and-clock-stops';
import { Applications1764000000200 } from './1764000000200-applications';
import { ApprovalItemVersions1764000000240 } from './1764000000240-approval-item-versions';
import { ApplicationSupervisionFeedback1764000000250 } from './1764000000250-application-supervision-feedback';
import { ApplicationRevocation1764000000260 } from './1764000000260-application-revocation';
import { Projects1764000000300 } from './1764000000300-projects';
import { ApplicationOverdue1764000000350 } from './1764000000350-application-overdue';
import { ApplicationImports1764000000400 } from './1764000000400-application-imports';
import { ApplicationJointReview1764000000500 } from './1764000000500-application-joint-review';
import { CommitmentEligibility1764000000600 } from './1764000000600-commitment-eligibility';
import { SubjectCreditGrades1764000000610 } from './1764000000610-subject-credit-grades';
import { ApplicationGreenChannel1764000000620 } from './1764000000620-application-green-channel';
import { CreditStandingNotifications1764000000630 } from './1764000000630-credit-standing-notifications';

export const approvalMigrations = [
  ...messagingMigrations,
  CalendarArrangementCopies1764000000060,
  Applications1764000000200,
  ApplicationTermsAndClockStops1764000000230,
  ApprovalItemVersions1764000000240,
  ApplicationSupervisionFeedback1764000000250,
  ApplicationRevocation1764000000260,
  Projects1764000000300,
  ApplicationOverdue1764000000350,
  ApplicationImports1764000000400,
  ApplicationJointReview1764000000500,
  CommitmentEligibility1764000000600,
  SubjectCreditGrades1764000000610,
  ApplicationGreenChannel1764000000620,
  CreditStandingNotifications1764000000630,
];
