import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RiskLevel, RiskLevels } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE } from '../../common/validators';
import { AmendMetaDto, CurrentListQuery, PublishMetaDto } from '../../versioning/dto/version-meta.dto';
import { SupervisionItemFieldsDto } from './supervision-item-fields.dto';

export class PublishSupervisionItemDto extends IntersectionType(SupervisionItemFieldsDto, PublishMetaDto) {}

export class AmendSupervisionItemDto extends IntersectionType(SupervisionItemFieldsDto, AmendMetaDto) {}

export class SupervisionItemRowDto extends SupervisionItemFieldsDto {
  @ApiProperty({ description: '监管事项编码', example: 'JG-ZJJ-001' })
  @Matches(CODE_PATTERN, { message: `code ${CODE_RULE}` })
  code: string;

  @ApiPropertyOptional()
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
