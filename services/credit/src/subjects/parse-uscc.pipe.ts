import { BadRequestException, PipeTransform } from '@nestjs/common';
import { isValidUscc, USCC_SCHEMA } from '@cityworks/platform';

/** A path segment that must be a 统一社会信用代码; a typo gets a 400 rather than an empty grade B. */
export class ParseUsccPipe implements PipeTransform<string, string> {
  /** what the OpenAPI document says the parameter accepts */
  static readonly openApi = { ...USCC_SCHEMA };

  constructor(private readonly name = 'uscc') {}

  transform(value: string): string {
    if (!isValidUscc(value)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `${this.name} must be a valid 统一社会信用代码 (18 characters with a correct check character)`,
        errors: [{ field: this.name, rules: { isUscc: `${this.name} must be a valid 统一社会信用代码` } }],
      });
    }
    return value;
  }
}
