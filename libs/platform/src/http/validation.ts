import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldError {
  /** dotted path of the offending field, e.g. `materials.0.name` */
  field: string;
  /** the rules it broke, e.g. `{ isInt: 'limitDays must be an integer number' }` */
  rules: Record<string, string>;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, rules: { ...error.constraints } });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Bad input is a 400 naming every field and rule; unknown fields are refused, not dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: fieldErrors.map((e) => Object.values(e.rules).join('; ')).join('; ') || 'Validation failed',
        errors: fieldErrors,
      });
    },
  });
}

/** The same 400 body, for rules a DTO cannot check alone (references, timelines, file rows). */
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
