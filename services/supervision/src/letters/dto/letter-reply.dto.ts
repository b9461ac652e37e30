import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

/** 附件 by reference: a name and where the department keeps the file. */
export class ReplyAttachmentDto {
  @ApiProperty({ example: '准予行政许可决定书.pdf', maxLength: 200, pattern: '[^\\s\\ufeff]' })
  @IsString()
  @Matches(/\S/u, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  // a URI with its scheme (https:, oss:, urn: …) and no spaces
  @ApiProperty({ example: 'https://files.example.gov.cn/decisions/2026/123.pdf', maxLength: 2000, pattern: '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s\\ufeff]+$' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/u, { message: 'uri must be a URI with a scheme (https://…) and no spaces' })
  @MaxLength(2000)
  uri: string;
}

/** 书面回复 to a 提醒函 / 督办函. */
export class LetterReplyDto {
  // not blank: the letter refuses a reply of spaces (422)
  @ApiProperty({
    description: 'what the unit did, and why it was late',
    example: '已于2026年12月4日作出准予许可决定并办结。',
    maxLength: 5000,
    pattern: '[^\\s\\ufeff]',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ type: [ReplyAttachmentDto], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReplyAttachmentDto)
  attachments?: ReplyAttachmentDto[];
}
