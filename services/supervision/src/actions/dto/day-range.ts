import { endOfChinaDay, isIsoDate, startOfChinaDay } from '@cityworks/calendar';
import { fieldError, invalid } from '@cityworks/platform';

/**
 * A period of China days given as `from` and `to` (both included): each a real calendar day
 * (the schema says `format: date`; the DTO's pattern only its shape), `to` not before `from`,
 * and at most `maxDays` apart when given. 400 naming the field and the rule otherwise.
 */
export function chinaPeriod(from: string, to: string, maxDays?: number): { from: Date; to: Date } {
  const errors = [
    ...(isIsoDate(from) ? [] : [fieldError('from', 'isIsoDate', 'from must be a real calendar day written YYYY-MM-DD')]),
    ...(isIsoDate(to) ? [] : [fieldError('to', 'isIsoDate', 'to must be a real calendar day written YYYY-MM-DD')]),
  ];
  if (errors.length) throw invalid(errors);
  if (to < from) throw invalid([fieldError('to', 'notBeforeFrom', 'to must not be before from')]);
  const period = { from: startOfChinaDay(from), to: endOfChinaDay(to) };
  if (maxDays !== undefined && period.to.getTime() - period.from.getTime() > maxDays * 86400_000)
    throw invalid([fieldError('to', 'maxRange', `to must be at most ${maxDays} days after from`)]);
  return period;
}
