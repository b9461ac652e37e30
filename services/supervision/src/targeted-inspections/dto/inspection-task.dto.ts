import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@cityworks/platform';
import { InspectionTaskSource, InspectionTaskSources, InspectionTaskStatus } from '../domain/inspection-task';

export class ListInspectionTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: InspectionTaskSources })
  @IsOptional()
  @IsIn(InspectionTaskSources)
  source?: InspectionTaskSource;

  @ApiPropertyOptional({ enum: ['open', 'overdue', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'overdue', 'closed'])
  status?: InspectionTaskStatus;
}

/** 反馈 on a task: what was done and found, and the 监管行为 recorded for it when there is one. */
export class InspectionFeedbackDto {
  @ApiProperty({ description: 'what the department did and found', example: '已开展专项检查，责令限期整改', maxLength: 5000 })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'outcome must not be blank' })
  @MaxLength(5000)
  outcome: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'a 监管行为 of your department recorded in answer' })
  @IsOptional()
  @IsUUID()
  actionId?: string | null;
}

/** 告知其他机关: hand a violation outside your duty to the competent department. */
export class ReferViolationDto {
  @ApiProperty({ description: 'the competent department (主管部门)', example: 'AS-HBJ' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'competentDepartmentCode must be 1–64 letters, digits, dots, underscores or hyphens' })
  competentDepartmentCode: string;

  @ApiProperty({ description: 'the violation and why it is the other department’s', maxLength: 5000 })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'matter must not be blank' })
  @MaxLength(5000)
  matter: string;
}
