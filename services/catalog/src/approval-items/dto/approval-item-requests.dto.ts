import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApprovalItemCategories, ApprovalItemCategory, ApprovalStage, ApprovalStages } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE } from '../../common/validators';
import { AmendMetaDto, CurrentListQuery, PublishMetaDto } from '../../versioning/dto/version-meta.dto';
import { ApprovalItemFieldsDto } from './approval-item-fields.dto';

export class PublishApprovalItemDto extends IntersectionType(ApprovalItemFieldsDto, PublishMetaDto) {}

export class AmendApprovalItemDto extends IntersectionType(ApprovalItemFieldsDto, AmendMetaDto) {}

/** One row of an imported list. */
export class ApprovalItemRowDto extends ApprovalItemFieldsDto {
  @ApiProperty({ description: '事项编码', example: 'JS-SGXK-001' })
  @Matches(CODE_PATTERN, { message: `code ${CODE_RULE}` })
  code: string;

  @ApiPropertyOptional({ description: 'the upper list\'s version this row follows' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  followsVersion?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  changeNote?: string;
}

export class ListApprovalItemsQuery extends CurrentListQuery {
  @ApiPropertyOptional({ enum: ApprovalStages })
  @IsOptional()
  @IsIn(ApprovalStages)
  stage?: ApprovalStage;

  @ApiPropertyOptional({ enum: ApprovalItemCategories })
  @IsOptional()
  @IsIn(ApprovalItemCategories)
  category?: ApprovalItemCategory;

  @ApiPropertyOptional({ description: '实施部门代码' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `departmentCode ${CODE_RULE}` })
  departmentCode?: string;

  @ApiPropertyOptional({ description: '监管部门代码' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `supervisingDepartmentCode ${CODE_RULE}` })
  supervisingDepartmentCode?: string;
}
