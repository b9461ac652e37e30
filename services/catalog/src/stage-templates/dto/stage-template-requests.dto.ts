import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ApprovalStage, ApprovalStages, ConditionOperators, ProjectFactSpecs, ProjectType, ProjectTypes, StageCondition } from '@cityworks/contracts';
import { describeSchema, SchemaRules } from '@cityworks/platform';

/**
 * A condition as checkCondition (conditions.ts) takes it: a test of one fact, or all / any / not
 * of conditions. Which operators and values fit which fact (operatorFitsFact, valueFitsFact) and
 * the depth of nesting (maxDepth) are checked with the data.
 */
const condition = { $ref: getSchemaPath('StageCondition') };
const branches = { type: 'array' as const, minItems: 1, maxItems: 20, items: condition };
describeSchema('StageCondition', {
  oneOf: [
    {
      type: 'object',
      required: ['fact', 'op'],
      additionalProperties: false,
      properties: { fact: { type: 'string', enum: Object.keys(ProjectFactSpecs) }, op: { type: 'string', enum: [...ConditionOperators] }, value: {} },
    },
    { type: 'object', required: ['all'], additionalProperties: false, properties: { all: branches } },
    { type: 'object', required: ['any'], additionalProperties: false, properties: { any: branches } },
    { type: 'object', required: ['not'], additionalProperties: false, properties: { not: condition } },
  ],
});
import { CODE_PATTERN, CODE_RULE, IsCalendarDate, REGION_PATTERN, REGION_RULE } from '../../common/validators';
import { ListRegionQuery, PublishMetaDto } from '../../versioning/dto/version-meta.dto';
import { ProjectFactsDto } from './project-facts.dto';

export class StageTemplateEntryDto {
  @ApiProperty({ enum: ApprovalStages, example: '工程建设许可' })
  @IsIn(ApprovalStages)
  stage: ApprovalStage;

  @ApiProperty({ description: '审批事项编码', example: 'JS-RFSP-001' })
  @Matches(CODE_PATTERN, { message: `itemCode ${CODE_RULE}` })
  itemCode: string;

  @ApiPropertyOptional({
    description: 'when the item is needed; absent: always. {fact, op, value} | {all: [...]} | {any: [...]} | {not: {...}}; facts as in ProjectFactsDto',
    example: { fact: 'floorAreaSqm', op: 'gte', value: 7000 },
    allOf: [condition],
  })
  @IsOptional()
  @IsObject()
  condition?: StageCondition;

  @ApiPropertyOptional({ example: '地面总建筑面积7000平方米以上的新建民用建筑修建防空地下室', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

// a template is its list's own: it follows no upper version (refused as notForTemplates)
@SchemaRules({ properties: { followsVersion: { not: {} } } })
export class PublishStageTemplateDto extends PublishMetaDto {
  @ApiProperty({ example: '社会投资房屋建筑工程审批流程', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: [StageTemplateEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => StageTemplateEntryDto)
  entries: StageTemplateEntryDto[];
}

export class StageTemplatesQuery {
  @ApiPropertyOptional({ description: 'templates that apply to this region (inherited from upper lists); absent: every list', example: '210302' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (China); default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class StageTemplateHistoryQuery extends ListRegionQuery {}

/** "Which items does this project need in this stage?" */
export class RequiredItemsQueryDto {
  @ApiProperty({ enum: ProjectTypes, example: '社会投资房屋建筑' })
  @IsIn(ProjectTypes)
  projectType: ProjectType;

  @ApiProperty({ description: "the project's region", example: '210302' })
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode: string;

  @ApiPropertyOptional({ enum: ApprovalStages, description: 'absent: every stage' })
  @IsOptional()
  @IsIn(ApprovalStages)
  stage?: ApprovalStage;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (China); default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ type: ProjectFactsDto, default: {} })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ProjectFactsDto)
  facts?: ProjectFactsDto;
}
