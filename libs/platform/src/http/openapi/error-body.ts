import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One refused field of a 400: its dotted path and the rules it broke. */
export class FieldErrorBody {
  @ApiProperty({ description: 'dotted path of the offending field, e.g. `materials.0.name`', example: 'limitDays' })
  field: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'rule → message',
    example: { min: 'limitDays must not be less than 1' },
  })
  rules: Record<string, string>;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'an imported file only: the spreadsheet row (the header is row 1) or the position in the JSON array (from 1); 0 for the file as a whole',
    example: 3,
  })
  row?: number;

  @ApiPropertyOptional({
    description: "an imported file only: the column as the file titled it (or the field); '' for a row as a whole",
    example: 'acceptedAt',
  })
  column?: string;
}

/** Every error answer of every service (see AllExceptionsFilter and the validation pipe). */
export class ErrorBody {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  statusCode: number;

  @ApiProperty({ description: 'what went wrong, for people', example: 'limitDays must not be less than 1' })
  message: string;

  @ApiPropertyOptional({ description: 'the HTTP reason phrase', example: 'Bad Request' })
  error?: string;

  @ApiPropertyOptional({ type: [FieldErrorBody], description: '400 for bad input: every refused field with the rules it broke' })
  errors?: FieldErrorBody[];

  @ApiPropertyOptional({ description: "the database's detail of a conflict (e.g. which key already exists)" })
  detail?: string;
}

/** What each error status means in this system, for the operations that can answer it. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'the request breaks a rule of its schema, or a rule that needs the data: the body names every field and rule',
  401: 'no valid bearer token',
  403: "the token's roles may not call this operation",
  404: 'no such record, or it belongs to a department the caller may not see',
  405: 'the path exists but not with this method (see the Allow header)',
  409: "the record's current state, or an existing record with the same key, forbids the change",
  413: 'the body is larger than the service accepts',
  422: 'the request is well-formed but a business rule refuses it',
  429: 'too many requests from this user in the last minute',
  503: 'a dependency (the database) is unavailable: nothing was changed, retry shortly (Retry-After)',
};

/**
 * Declares the error answers an operation can give, each with the shared ErrorBody schema:
 * `@ApiErrors(400, 404, [409, 'already decided'])` (a status, or a status and what it means
 * here). 401, 403, 429 and 503 (and 413 for a body, 404 for a path with parameters) are added to
 * every authenticated operation when the document is built, so they need not be listed.
 */
export function ApiErrors(...errors: (number | [number, string])[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorBody, FieldErrorBody),
    ...errors.map((error) => {
      const [status, description] = typeof error === 'number' ? [error, ERROR_DESCRIPTIONS[error] ?? 'error'] : error;
      return ApiResponse({ status, description, type: ErrorBody });
    }),
  ) as MethodDecorator & ClassDecorator;
}
