import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, invalid } from '@cityworks/platform';

/**
 * An activity's input checked with the same validators as HTTP input. Unknown fields are
 * dropped, not refused: the ladder passes whole contract objects (an Obligation carries its
 * ladder settings too). A refusal is a 400, which the activity worker fails without retry.
 */
export async function checkedInput<T extends object>(dto: new () => T, input: unknown): Promise<T> {
  const instance = plainToInstance(dto, input ?? {});
  const errors = await validate(instance, { whitelist: true });
  if (errors.length) throw invalid(flattenValidationErrors(errors));
  return instance;
}
