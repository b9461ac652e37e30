import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { SchemaRules } from '@cityworks/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ApprovalItemCategories, ApprovalItemCategory, ApprovalStage, ApprovalStages } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE } from '../../common/validators';
import { ItemRowMetaDto } from '../../versioning/dto/item-row-meta.dto';
import { AmendMetaDto, CurrentListQuery, PublishMetaDto } from '../../versioning/dto/version-meta.dto';
import { ApprovalItemFieldsDto, commitmentRule } from './approval-item-fields.dto';

@SchemaRules(commitmentRule)
export class PublishApprovalItemDto extends IntersectionType(ApprovalItemFieldsDto, PublishMetaDto) {}

@SchemaRules(commitmentRule)
export class AmendApprovalItemDto extends IntersectionType(ApprovalItemFieldsDto, AmendMetaDto) {}

/** One row of an imported list (the code first, so a row's errors start with it). */
@SchemaRules(commitmentRule)
export class ApprovalItemRowDto extends IntersectionType(ItemRowMetaDto, ApprovalItemFieldsDto) {}

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
