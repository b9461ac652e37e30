import { registerDecorator, ValidationOptions } from 'class-validator';
import { describeRule } from '../http/openapi/validation-rules';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, S, V, Z);
 * the last is a check character computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function isValidUscc(value: unknown): boolean {
  if (typeof value !== 'string' || !USCC_PATTERN.test(value)) return false;
  return usccCheckCharacter(value.slice(0, 17)) === value[17];
}

/** The OpenAPI schema of a 统一社会信用代码: format `uscc` is the pattern plus the check character no pattern can state. */
export const USCC_SCHEMA = { type: 'string', format: 'uscc', pattern: USCC_PATTERN.source } as const;
describeRule('isUscc', { ...USCC_SCHEMA });

export function IsUscc(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUscc',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a valid 统一社会信用代码 (18 characters with a correct check character)', ...options },
      validator: { validate: (value: unknown) => isValidUscc(value) },
    });
}
