import { Injectable, PipeTransform } from '@nestjs/common';
import { fieldError, invalid } from '@cityworks/platform';

/** A per-year number in the path (drafts/{draft}, revisions/{revision}): 400 naming it otherwise. */
function numberPipe(field: string) {
  @Injectable()
  class NumberPipe implements PipeTransform<string, number> {
    /** what the OpenAPI document says the parameter accepts */
    static readonly openApi = { type: 'integer' as const, minimum: 1, maximum: 999999 };

    transform(value: string): number {
      if (!/^[1-9]\d{0,5}$/.test(value)) throw invalid([fieldError(field, 'isInt', `${field} must be a whole number from 1 to 999999`)]);
      return Number(value);
    }
  }
  return NumberPipe;
}

export const DraftPipe = numberPipe('draft');
export const RevisionPipe = numberPipe('revision');
