import { Column, Entity } from 'typeorm';
import type { ApprovalItemCategory, ApprovalStage, ClockStopReason } from '@cityworks/contracts';
import { ListedVersion, textArray } from '../versioning/listed-version.entity';

/** 审批事项, one version in one region's list (审批事项清单). */
@Entity({ name: 'approval_item_versions' })
export class ApprovalItemVersion extends ListedVersion {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  category: ApprovalItemCategory;

  @Column({ type: 'varchar', length: 16 })
  stage: ApprovalStage;

  /** 实施部门 */
  @Column({ name: 'department_code', type: 'varchar', length: 64 })
  departmentCode: string;

  /** 监管部门: the same department under 审管一体, another under 审管分离 */
  @Column({ name: 'supervising_department_code', type: 'varchar', length: 64 })
  supervisingDepartmentCode: string;

  /** 设定依据 */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  /** 申请材料 */
  @Column({ ...textArray })
  materials: string[];

  /** 中介服务 / 技术审查 / 专家评审 / 现场勘验 as a necessary condition of the approval */
  @Column({ name: 'intermediary_service_required', type: 'boolean' })
  intermediaryServiceRequired: boolean;

  @Column({ name: 'technical_review_required', type: 'boolean' })
  technicalReviewRequired: boolean;

  @Column({ name: 'expert_review_required', type: 'boolean' })
  expertReviewRequired: boolean;

  @Column({ name: 'site_survey_required', type: 'boolean' })
  siteSurveyRequired: boolean;

  /** 法定办结时限, working days */
  @Column({ name: 'time_limit_working_days', type: 'int' })
  timeLimitWorkingDays: number;

  /** the clock-stops (暂停计时) that are legal for this item */
  @Column({ name: 'allowed_clock_stops', ...textArray })
  allowedClockStops: ClockStopReason[];

  /** 告知承诺制 */
  @Column({ name: 'commitment_allowed', type: 'boolean' })
  commitmentAllowed: boolean;

  @Column({ name: 'commitment_verification_working_days', type: 'int', nullable: true })
  commitmentVerificationWorkingDays: number | null;

  @Column({ name: 'supervision_feedback_working_days', type: 'int' })
  supervisionFeedbackWorkingDays: number;

  @Column({ name: 'warning_lead_working_days', type: 'int' })
  warningLeadWorkingDays: number;

  @Column({ name: 'reminder_grace_working_days', type: 'int' })
  reminderGraceWorkingDays: number;

  @Column({ name: 'escalation_grace_working_days', type: 'int' })
  escalationGraceWorkingDays: number;
}

/** The fields a version of an approval item carries besides its place in the timeline. */
export const approvalItemContentFields = [
  'name',
  'category',
  'stage',
  'departmentCode',
  'supervisingDepartmentCode',
  'legalBasis',
  'materials',
  'intermediaryServiceRequired',
  'technicalReviewRequired',
  'expertReviewRequired',
  'siteSurveyRequired',
  'timeLimitWorkingDays',
  'allowedClockStops',
  'commitmentAllowed',
  'commitmentVerificationWorkingDays',
  'supervisionFeedbackWorkingDays',
  'warningLeadWorkingDays',
  'reminderGraceWorkingDays',
  'escalationGraceWorkingDays',
] as const;

export type ApprovalItemContent = Pick<ApprovalItemVersion, (typeof approvalItemContentFields)[number]>;
