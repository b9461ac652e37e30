import { Injectable, PipeTransform } from '@nestjs/common';
import { CODE_PATTERN, CODE_RULE, REGION_PATTERN, REGION_RULE } from './validators';
import { fieldError, invalid } from './field-errors';

/** Path parameters get the same 400 shape as bodies. */
function patternPipe(field: string, pattern: RegExp, rule: string) {
  @Injectable()
  class PatternPipe implements PipeTransform<string, string> {
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
  transform(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) throw invalid([fieldError('version', 'isInt', 'version must be a whole number ≥ 1')]);
    return Number(value);
  }
}
