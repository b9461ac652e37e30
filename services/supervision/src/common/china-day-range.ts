import { registerDecorator, ValidationOptions } from 'class-validator';
import { endOfChinaDay, isIsoDate, startOfChinaDay } from '@cityworks/calendar';
import { describeRule, fieldError, invalid } from '@cityworks/platform';

/** A day written YYYY-MM-DD from 1950 to 2100: the range a report of letters or rungs can ask for. */
const REPORT_DAY_SCHEMA = { type: 'string' as const, format: 'date', pattern: '^(19[5-9][0-9]|20[0-9][0-9]|2100)-[0-9]{2}-[0-9]{2}$' };
describeRule('isReportDay', REPORT_DAY_SCHEMA);

export function IsReportDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isReportDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date written YYYY-MM-DD, from 1950 to 2100', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) && value >= '1950-01-01' && value <= '2100-12-31' },
    });
}

/**
 * `from` and `to` as China calendar days, both included (a month's 通报 asks for 2026-12-01 to
 * 2026-12-31): the first instant of `from` and the last of `to`. 400 naming `to` when it comes
 * before `from`.
 */
export function chinaDayRange(from?: string, to?: string): { from?: Date; to?: Date } {
  if (from && to && to < from) throw invalid([fieldError('to', 'notBeforeFrom', 'to must not be before from')]);
  return { from: from ? startOfChinaDay(from) : undefined, to: to ? endOfChinaDay(to) : undefined };
}
