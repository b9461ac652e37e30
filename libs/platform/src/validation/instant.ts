import { registerDecorator, ValidationOptions } from 'class-validator';
import { describeRule } from '../http/openapi/validation-rules';

/**
 * An instant with seconds and its offset: a local time without one would be read in the server's
 * zone and could land on another China day, moving a working-day count.
 */
export const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** Whether `value` is such an instant and names a real calendar day and time (no 30 February, no 25 o'clock), whatever the year. */
export function isRealInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = INSTANT_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // month length in a leap year
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap ? 28 : daysInMonth)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  return m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
}

export const INSTANT_SCHEMA = { type: 'string', format: 'date-time', pattern: INSTANT_PATTERN.source } as const;
describeRule('isRealInstant', { ...INSTANT_SCHEMA });

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRealInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO 8601 instant with seconds and an offset, on a real calendar day, e.g. 2026-12-01T10:00:00+08:00',
        ...options,
      },
      validator: { validate: isRealInstant },
    });
}
