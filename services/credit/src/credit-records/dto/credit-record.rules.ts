import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { chinaDateOf, isIsoDate } from '@cityworks/calendar';
import { CreditSeverities } from '@cityworks/contracts';
import { describeRule } from '@cityworks/platform';

function rule(
  name: string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  message: (args: ValidationArguments) => string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate },
    });
}

describeRule('isIsoDate', { type: 'string', format: 'date' });

/** A calendar day written YYYY-MM-DD that exists (no 2026-02-30). */
export const IsIsoDate = (options?: ValidationOptions) =>
  rule(
    'isIsoDate',
    (v) => typeof v === 'string' && isIsoDate(v),
    (a) => `${a.property} must be a date in the form YYYY-MM-DD`,
    options,
  );

/** Not later than today in China: a fact cannot be decided in the future. */
export const IsNotAfterChinaToday = (options?: ValidationOptions) =>
  rule(
    'isNotAfterChinaToday',
    (v) => typeof v !== 'string' || !isIsoDate(v) || v <= chinaDateOf(new Date()),
    (a) => `${a.property} must not be after today (${chinaDateOf(new Date())}, China time)`,
    options,
  );

/** On or after another date field; silent while the other field is itself invalid. */
export const IsOnOrAfter = (other: string, options?: ValidationOptions) =>
  rule(
    'isOnOrAfter',
    (v, a) => {
      const start = (a.object as Record<string, unknown>)[other];
      return typeof v !== 'string' || typeof start !== 'string' || !isIsoDate(start) || v >= start;
    },
    (a) => `${a.property} must be on or after ${other}`,
    options,
  );

/** 失信 records carry a severity (一般/较重/严重); 守信 records carry none. */
export const SeverityMatchesKind = (options?: ValidationOptions) =>
  rule(
    'severityMatchesKind',
    (v, a) => {
      const kind = (a.object as { kind?: unknown }).kind;
      if (kind === 'bad') return (CreditSeverities as readonly unknown[]).includes(v);
      if (kind === 'good') return v === undefined || v === null;
      return true; // the kind's own rule reports the problem
    },
    (a) =>
      (a.object as { kind?: unknown }).kind === 'bad'
        ? `${a.property} is required for a bad (失信) record and must be one of ${CreditSeverities.join(', ')}`
        : `${a.property} must be left out for a good (守信) record`,
    options,
  );
