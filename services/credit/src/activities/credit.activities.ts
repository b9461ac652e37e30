import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { CreditActivities, CreditStanding } from '@cityworks/contracts';
import { isValidUscc } from '@cityworks/platform';
import { SubjectCreditService } from '../subjects/subject-credit.service';

/** Activities on task queue `credit`: approvals and inspections read a subject's grade here. */
@Injectable()
export class CreditActivitiesImpl implements CreditActivities {
  constructor(private readonly credit: SubjectCreditService) {}

  async getCreditGrade({ uscc }: { uscc: string }): Promise<CreditStanding> {
    // retrying cannot fix a malformed code; fail the caller at once instead of forever
    if (!isValidUscc(uscc)) throw ApplicationFailure.nonRetryable(`${uscc} is not a valid 统一社会信用代码`, 'InvalidUscc');
    return (await this.credit.standing(uscc)).standing;
  }
}
