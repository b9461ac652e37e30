import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { CreditActivities, CreditStanding, GradeRefreshResult } from '@cityworks/contracts';
import { isValidUscc } from '@cityworks/platform';
import { SubjectCreditService } from '../subjects/subject-credit.service';
import { GradeRefreshService } from '../grading/refresh/grade-refresh.service';

/** Activities on task queue `credit`: approvals and inspections read a subject's grade here. */
@Injectable()
export class CreditActivitiesImpl implements CreditActivities {
  constructor(
    private readonly credit: SubjectCreditService,
    private readonly refresh: GradeRefreshService,
  ) {}

  async getCreditGrade({ uscc }: { uscc: string }): Promise<CreditStanding> {
    // retrying cannot fix a malformed code; fail the caller at once instead of forever
    if (!isValidUscc(uscc)) throw ApplicationFailure.nonRetryable(`${uscc} is not a valid 统一社会信用代码`, 'InvalidUscc');
    return (await this.credit.standing(uscc)).standing;
  }

  async refreshExpiredGrades({ lookBackDays }: { lookBackDays: number }): Promise<GradeRefreshResult> {
    if (!Number.isInteger(lookBackDays) || lookBackDays < 1 || lookBackDays > 366)
      throw ApplicationFailure.nonRetryable(`lookBackDays must be a whole number from 1 to 366, not ${lookBackDays}`, 'InvalidInput');
    return this.refresh.refreshExpired(lookBackDays);
  }
}
