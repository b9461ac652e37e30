import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isIsoDate } from '@cityworks/calendar';

/** 事项编码 / 部门代码: letters, digits, dots, underscores, hyphens. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const CODE_RULE = 'must be 1–64 letters, digits, dots, underscores or hyphens';
/** 行政区划代码 */
export const REGION_PATTERN = /^\d{6}$/;
export const REGION_RULE = 'must be a 6-digit administrative division code';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) && value >= '1950-01-01' && value <= '2100-12-31' },
    });
}

/**
 * A number written with at most `places` decimal places (0.05, not 0.05001). class-validator's
 * IsNumber({ maxDecimalPlaces }) reads the decimals from toString() and throws on 5e-324 or
 * 1e-7, which print in exponent form (a 500); this rule compares with the value rounded instead.
 */
export function MaxDecimalPlaces(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'maxDecimalPlaces',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [places],
      options: { message: `$property must have at most ${places} decimal places`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'number' || !Number.isFinite(value) || Number(value.toFixed(places)) === value },
    });
}

/** A number no greater than another property of the same object (e.g. a warning lead within the limit). */
export function NotAbove(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notAbove',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [other],
      options: { message: `$property must not exceed ${other}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const limit = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof limit !== 'number' || value <= limit;
        },
      },
    });
}

/** The property may be set only when `condition` holds for the object (and must be, if `required`). */
export function OnlyWhen(
  condition: (o: Record<string, unknown>) => boolean,
  description: string,
  required: boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: required ? 'requiredWhen' : 'onlyWhen',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: required ? `$property is required exactly when ${description}` : `$property may be given only when ${description}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const present = value !== undefined && value !== null;
          const applies = condition(args.object as Record<string, unknown>);
          return required ? present === applies : !present || applies;
        },
      },
    });
}
