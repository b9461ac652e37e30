import { Injectable, PipeTransform } from '@nestjs/common';
import { isIsoDate } from '@cityworks/calendar';
import { ProjectType, ProjectTypes } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE, REGION_PATTERN, REGION_RULE } from './validators';
import { describeRule, fieldError, invalid } from '@cityworks/platform';

/** A calendar date the catalog takes (IsCalendarDate, DatePipe): a real YYYY-MM-DD from 1950 to 2100. */
export const CALENDAR_DATE_SCHEMA = { type: 'string' as const, format: 'date', pattern: '^(19[5-9][0-9]|20[0-9][0-9]|2100)-[0-9]{2}-[0-9]{2}$' };
describeRule('isCalendarDate', CALENDAR_DATE_SCHEMA);

/** Path parameters get the same 400 shape as bodies. */
function patternPipe(field: string, pattern: RegExp, rule: string) {
  @Injectable()
  class PatternPipe implements PipeTransform<string, string> {
    /** what the OpenAPI document says the parameter accepts */
    static readonly openApi = { type: 'string' as const, pattern: pattern.source };

    transform(value: string): string {
      if (!pattern.test(value)) throw invalid([fieldError(field, 'matches', `${field} ${rule}`)]);
      return value;
    }
  }
  return PatternPipe;
}

export const RegionCodePipe = patternPipe('code', REGION_PATTERN, REGION_RULE);
export const CodePipe = patternPipe('code', CODE_PATTERN, CODE_RULE);

@Injectable()
export class VersionPipe implements PipeTransform<string, number> {
  static readonly openApi = { type: 'integer' as const, minimum: 1, maximum: 999999 };

  transform(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) throw invalid([fieldError('version', 'isInt', 'version must be a whole number ≥ 1')]);
    return Number(value);
  }
}

/** A project type named in the path (URL-encoded Chinese). */
@Injectable()
export class ProjectTypePipe implements PipeTransform<string, ProjectType> {
  static readonly openApi = { type: 'string' as const, enum: [...ProjectTypes] };

  transform(value: string): ProjectType {
    if (!(ProjectTypes as readonly string[]).includes(value))
      throw invalid([fieldError('projectType', 'isIn', `projectType must be one of: ${ProjectTypes.join(', ')}`)]);
    return value as ProjectType;
  }
}

@Injectable()
export class DatePipe implements PipeTransform<string, string> {
  static readonly openApi = CALENDAR_DATE_SCHEMA;

  transform(value: string): string {
    if (!isIsoDate(value) || value < '1950-01-01' || value > '2100-12-31')
      throw invalid([fieldError('date', 'isCalendarDate', 'date must be a date written YYYY-MM-DD (1950–2100)')]);
    return value;
  }
}

@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  static readonly openApi = { type: 'integer' as const, minimum: 1950, maximum: 2100 };

  transform(value: string): number {
    if (!/^\d{4}$/.test(value) || Number(value) < 1950 || Number(value) > 2100)
      throw invalid([fieldError('year', 'isInt', 'year must be a whole number from 1950 to 2100')]);
    return Number(value);
  }
}
