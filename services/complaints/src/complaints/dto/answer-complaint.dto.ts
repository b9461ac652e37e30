import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 答复: what the department found and did, as told to the complainant. */
export class AnswerComplaintDto {
  @ApiProperty({ description: '答复意见', example: '经现场核查，已责令施工单位停止夜间施工并处罚款', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  answer: string;
}
