import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { RiskLevel, RiskLevels } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE } from '../../common/validators';
import { ItemRowMetaDto } from '../../versioning/dto/item-row-meta.dto';
import { AmendMetaDto, CurrentListQuery, PublishMetaDto } from '../../versioning/dto/version-meta.dto';
import { SupervisionItemFieldsDto } from './supervision-item-fields.dto';

export class PublishSupervisionItemDto extends IntersectionType(SupervisionItemFieldsDto, PublishMetaDto) {}

export class AmendSupervisionItemDto extends IntersectionType(SupervisionItemFieldsDto, AmendMetaDto) {}

/** One row of an imported list (the code first, so a row's errors start with it). */
export class SupervisionItemRowDto extends IntersectionType(ItemRowMetaDto, SupervisionItemFieldsDto) {}

export class ListSupervisionItemsQuery extends CurrentListQuery {
  @ApiPropertyOptional({ description: '监管部门代码' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `departmentCode ${CODE_RULE}` })
  departmentCode?: string;

  @ApiPropertyOptional({ enum: RiskLevels })
  @IsOptional()
  @IsIn(RiskLevels)
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ description: 'items supervising this approval item' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: `approvalItemCode ${CODE_RULE}` })
  approvalItemCode?: string;
}
