import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '@cityworks/platform';

/** The platform's 400 body, for rules a DTO cannot check alone (references, timelines). */
export function invalid(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((e) => Object.values(e.rules).join('; ')).join('; ') || 'Validation failed',
    errors,
  });
}

export function fieldError(field: string, rule: string, message: string): FieldError {
  return { field, rules: { [rule]: message } };
}
