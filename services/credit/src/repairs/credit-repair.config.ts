import { Injectable } from '@nestjs/common';
import { RepairTerms, repairTermsFrom } from './domain/credit-repair';

/**
 * The minimum periods of 信用修复, read once at start so a bad value stops the service naming the
 * variable: CREDIT_REPAIR_MIN_MONTHS_MINOR (default 3), _SERIOUS (6), _SEVERE (12), whole months 1–60.
 */
@Injectable()
export class CreditRepairConfig {
  readonly terms: RepairTerms = repairTermsFrom(process.env);
}
