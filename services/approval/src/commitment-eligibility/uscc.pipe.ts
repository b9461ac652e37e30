import { BadRequestException, PipeTransform } from '@nestjs/common';
import { isValidUscc } from '@cityworks/platform';

/** A path parameter that must be a valid 统一社会信用代码 (its check character included); the message names the parameter. */
export class UsccPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'ownerUscc') {}

  transform(value: string): string {
    if (!isValidUscc(value)) throw new BadRequestException(`${this.name} must be a valid 18-character 统一社会信用代码 (GB 32100)`);
    return value;
  }
}
