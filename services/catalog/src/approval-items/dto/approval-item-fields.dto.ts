import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { ApprovalItemCategories, ApprovalItemCategory, ApprovalStage, ApprovalStages, ClockStopReason, ClockStopReasons } from '@cityworks/contracts';
import { CODE_PATTERN, CODE_RULE, NotAbove, OnlyWhen } from '../../common/validators';

/** Ladder and linkage defaults, written into each version so a later default never rewrites history. */
export const approvalItemDefaults = {
  supervisionFeedbackWorkingDays: 5,
  warningLeadWorkingDays: 2,
  reminderGraceWorkingDays: 5,
  escalationGraceWorkingDays: 5,
} as const;

/** commitmentVerificationWorkingDays is given exactly when commitmentAllowed is true (OnlyWhen … required), for the request bodies that carry the fields. */
export const commitmentRule = {
  anyOf: [
    {
      properties: { commitmentAllowed: { enum: [true] }, commitmentVerificationWorkingDays: { type: 'integer' as const } },
      required: ['commitmentAllowed', 'commitmentVerificationWorkingDays'],
    },
    { properties: { commitmentAllowed: { nullable: true, enum: [false, null] }, commitmentVerificationWorkingDays: { nullable: true, enum: [null] } } },
  ],
};

/** What a version of an approval item (审批事项) says. */
export class ApprovalItemFieldsDto {
  @ApiProperty({ description: '事项名称', example: '建筑工程施工许可证核发', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: '事项类别', enum: ApprovalItemCategories, example: '行政许可' })
  @IsIn(ApprovalItemCategories)
  category: ApprovalItemCategory;

  @ApiProperty({ description: '审批阶段', enum: ApprovalStages, example: '施工许可' })
  @IsIn(ApprovalStages)
  stage: ApprovalStage;

  @ApiProperty({ description: '实施部门代码', example: 'AS-XZSPJ' })
  @Matches(CODE_PATTERN, { message: `departmentCode ${CODE_RULE}` })
  departmentCode: string;

  @ApiProperty({ description: '监管部门代码 (= departmentCode: 审管一体; another: 审管分离)', example: 'AS-ZJJ' })
  @Matches(CODE_PATTERN, { message: `supervisingDepartmentCode ${CODE_RULE}` })
  supervisingDepartmentCode: string;

  @ApiProperty({ description: '设定依据', example: '《中华人民共和国建筑法》第七条', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  legalBasis: string;

  @ApiPropertyOptional({ description: '申请材料', type: [String], default: [], example: ['建筑工程施工许可申请表', '施工合同'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  materials?: string[];

  @ApiPropertyOptional({ description: '需中介服务', default: false })
  @IsOptional()
  @IsBoolean()
  intermediaryServiceRequired?: boolean;

  @ApiPropertyOptional({ description: '需技术审查', default: false })
  @IsOptional()
  @IsBoolean()
  technicalReviewRequired?: boolean;

  @ApiPropertyOptional({ description: '需专家评审', default: false })
  @IsOptional()
  @IsBoolean()
  expertReviewRequired?: boolean;

  @ApiPropertyOptional({ description: '需现场勘验', default: false })
  @IsOptional()
  @IsBoolean()
  siteSurveyRequired?: boolean;

  @ApiProperty({ description: '法定办结时限（工作日）; 0 = 即办', example: 7, minimum: 0, maximum: 365 })
  @IsInt()
  @Min(0)
  @Max(365)
  timeLimitWorkingDays: number;

  @ApiPropertyOptional({ description: '允许的暂停计时事由', enum: ClockStopReasons, isArray: true, default: [], example: ['补正材料'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'allowedClockStops must not list a reason twice' })
  @IsIn(ClockStopReasons, { each: true, message: `each of allowedClockStops must be one of: ${ClockStopReasons.join(', ')}` })
  allowedClockStops?: ClockStopReason[];

  @ApiPropertyOptional({ description: '可实行告知承诺制', default: false })
  @IsOptional()
  @IsBoolean()
  commitmentAllowed?: boolean;

  @ApiPropertyOptional({
    description: '承诺核查期限（工作日）: required exactly when commitmentAllowed (null or absent otherwise)',
    example: 20,
    minimum: 1,
    maximum: 365,
    nullable: true,
  })
  @ValidateIf((o) => o.commitmentAllowed === true || (o.commitmentVerificationWorkingDays !== undefined && o.commitmentVerificationWorkingDays !== null))
  @OnlyWhen((o) => o.commitmentAllowed === true, 'commitmentAllowed is true', true)
  @IsInt()
  @Min(1)
  @Max(365)
  commitmentVerificationWorkingDays?: number;

  @ApiPropertyOptional({
    description: '审管联动: 监管部门 acts on a pushed decision within (工作日)',
    default: approvalItemDefaults.supervisionFeedbackWorkingDays,
    minimum: 1,
    maximum: 365,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  supervisionFeedbackWorkingDays?: number;

  @ApiPropertyOptional({
    description: '预警提前量（工作日）, at most the time limit',
    default: approvalItemDefaults.warningLeadWorkingDays,
    minimum: 0,
    maximum: 365,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  @NotAbove('timeLimitWorkingDays')
  warningLeadWorkingDays?: number;

  @ApiPropertyOptional({ description: '提醒函 grants (工作日)', default: approvalItemDefaults.reminderGraceWorkingDays, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  reminderGraceWorkingDays?: number;

  @ApiPropertyOptional({ description: '督办函 grants (工作日)', default: approvalItemDefaults.escalationGraceWorkingDays, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  escalationGraceWorkingDays?: number;
}
