import { Injectable } from '@nestjs/common';
import { chinaDateOf } from '@cityworks/calendar';
import type { CreditStanding } from '@cityworks/contracts';
import { CreditRecord } from '../credit-records/credit-record.entity';
import { CreditRecordsService } from '../credit-records/credit-records.service';

/** A subject's grade today, for people (HTTP) and for workflows (activity) alike. */
@Injectable()
export class SubjectCreditService {
  constructor(private readonly records: CreditRecordsService) {}

  async standing(uscc: string): Promise<{ standing: CreditStanding; activeRecords: CreditRecord[] }> {
    // a record's validity is counted in China calendar days, whatever the server's zone
    const asOf = chinaDateOf(new Date());
    const activeRecords = await this.records.activeRecords(uscc, asOf);
    return { standing: { uscc, asOf, ...this.records.assess(activeRecords, asOf) }, activeRecords };
  }
}
