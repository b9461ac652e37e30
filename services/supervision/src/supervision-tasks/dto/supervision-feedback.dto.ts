import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 监管结果反馈 */
export class SupervisionFeedbackDto {
  // not blank: the task refuses an outcome of spaces (422)
  @ApiProperty({ description: '监管结果: what the department did and found', example: '已现场核查，符合审批条件', maxLength: 2000, pattern: '[^\\s\\ufeff]' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  outcome: string;
}
