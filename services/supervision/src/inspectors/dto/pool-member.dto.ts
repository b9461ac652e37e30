import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsUscc, PageQuery } from '@cityworks/platform';

export class RelativeRelationDto {
  @ApiProperty({ description: '统一社会信用代码 of the subject the relative works for or owns' })
  @IsUscc()
  uscc: string;

  @ApiProperty({ description: '关系, e.g. 配偶, 直系血亲, 三代以内旁系血亲, 近姻亲', minLength: 1, maxLength: 32 })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  @Matches(/\S/, { message: 'relation must not be blank' })
  relation: string;
}

export class RegisterPoolMemberDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ description: 'the department served; required for an inspector (your own unless you are the 工改办)', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  departmentCode?: string;

  @ApiProperty({ description: '行政区划代码, 6 digits', pattern: '^\\d{6}$' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit 行政区划代码' })
  regionCode: string;

  @ApiProperty({ description: '执法证号 (inspector) or 专家证书编号 (expert), unique in its pool', pattern: '^[0-9A-Za-z-]{4,64}$' })
  @Matches(/^[0-9A-Za-z-]{4,64}$/, { message: 'certificateNumber must be 4 to 64 letters, digits or hyphens' })
  certificateNumber: string;

  @ApiProperty({ type: [String], description: '专业领域, e.g. 房屋建筑, 消防, 燃气', maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(32, { each: true })
  specialties: string[];

  @ApiPropertyOptional({ description: 'employer’s 统一社会信用代码 (回避: never inspects it)' })
  @IsOptional()
  @IsUscc()
  employerUscc?: string;

  @ApiPropertyOptional({ type: [RelativeRelationDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RelativeRelationDto)
  relatives?: RelativeRelationDto[];
}

export class ListPoolQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  departmentCode?: string;

  @ApiPropertyOptional({ pattern: '^\\d{6}$' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit 行政区划代码' })
  regionCode?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  specialty?: string;
}
