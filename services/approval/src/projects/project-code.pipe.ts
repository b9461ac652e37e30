import { Injectable, PipeTransform } from '@nestjs/common';
import { fieldError, invalid } from '@cityworks/platform';
import { PROJECT_CODE_PATTERN, PROJECT_CODE_RULE } from './domain/project';

/** A 项目代码 in the path: the same rule as in a body, the same 400 naming field and rule. */
@Injectable()
export class ProjectCodePipe implements PipeTransform<string, string> {
  /** what the OpenAPI document says the parameter accepts */
  static readonly openApi = { type: 'string' as const, pattern: PROJECT_CODE_PATTERN.source };

  transform(value: string): string {
    if (typeof value !== 'string' || !PROJECT_CODE_PATTERN.test(value)) throw invalid([fieldError('code', 'matches', `code ${PROJECT_CODE_RULE}`)]);
    return value;
  }
}
