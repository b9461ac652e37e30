import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ApprovalItemSnapshot } from '@cityworks/contracts';
import { FieldError } from '@cityworks/platform';
import { fieldError } from '@cityworks/platform';
import { ItemListService, versionMeta } from '../versioning/item-list.service';
import { ItemListDeps } from '../versioning/item-list-deps';
import { ApprovalItemContent, approvalItemContentFields, ApprovalItemVersion } from './approval-item-version.entity';
import { approvalItemColumns } from './approval-item.columns';
import { approvalItemDefaults, ApprovalItemFieldsDto } from './dto/approval-item-fields.dto';
import { ApprovalItemRowDto, ListApprovalItemsQuery } from './dto/approval-item-requests.dto';

/** 审批事项清单: what an approval item holds and which departments it must name. */
@Injectable()
export class ApprovalItemsService extends ItemListService<
  ApprovalItemVersion,
  ApprovalItemContent,
  ApprovalItemFieldsDto,
  ApprovalItemRowDto,
  ApprovalItemSnapshot,
  ListApprovalItemsQuery
> {
  readonly columns = approvalItemColumns;
  protected readonly rowDto = ApprovalItemRowDto;

  constructor(deps: ItemListDeps) {
    super(deps, {
      kind: 'approval-item',
      entity: ApprovalItemVersion,
      table: 'approval_item_versions',
      label: '审批事项',
      contentFields: approvalItemContentFields,
      localFields: ['departmentCode', 'supervisingDepartmentCode'],
    });
  }

  toView(v: ApprovalItemVersion): ApprovalItemSnapshot {
    return {
      ...versionMeta(v),
      name: v.name,
      category: v.category,
      stage: v.stage,
      departmentCode: v.departmentCode,
      supervisingDepartmentCode: v.supervisingDepartmentCode,
      supervisionMode: v.departmentCode === v.supervisingDepartmentCode ? '审管一体' : '审管分离',
      legalBasis: v.legalBasis,
      materials: v.materials,
      intermediaryServiceRequired: v.intermediaryServiceRequired,
      technicalReviewRequired: v.technicalReviewRequired,
      expertReviewRequired: v.expertReviewRequired,
      siteSurveyRequired: v.siteSurveyRequired,
      timeLimitWorkingDays: v.timeLimitWorkingDays,
      allowedClockStops: v.allowedClockStops,
      commitmentAllowed: v.commitmentAllowed,
      commitmentVerificationWorkingDays: v.commitmentVerificationWorkingDays,
      supervisionFeedbackWorkingDays: v.supervisionFeedbackWorkingDays,
      warningLeadWorkingDays: v.warningLeadWorkingDays,
      reminderGraceWorkingDays: v.reminderGraceWorkingDays,
      escalationGraceWorkingDays: v.escalationGraceWorkingDays,
    };
  }

  toContent(f: ApprovalItemFieldsDto): ApprovalItemContent {
    return {
      name: f.name,
      category: f.category,
      stage: f.stage,
      departmentCode: f.departmentCode,
      supervisingDepartmentCode: f.supervisingDepartmentCode,
      legalBasis: f.legalBasis,
      materials: f.materials ?? [],
      intermediaryServiceRequired: f.intermediaryServiceRequired ?? false,
      technicalReviewRequired: f.technicalReviewRequired ?? false,
      expertReviewRequired: f.expertReviewRequired ?? false,
      siteSurveyRequired: f.siteSurveyRequired ?? false,
      timeLimitWorkingDays: f.timeLimitWorkingDays,
      allowedClockStops: f.allowedClockStops ?? [],
      commitmentAllowed: f.commitmentAllowed ?? false,
      commitmentVerificationWorkingDays: f.commitmentAllowed ? (f.commitmentVerificationWorkingDays ?? null) : null,
      supervisionFeedbackWorkingDays: f.supervisionFeedbackWorkingDays ?? approvalItemDefaults.supervisionFeedbackWorkingDays,
      warningLeadWorkingDays: f.warningLeadWorkingDays ?? Math.min(approvalItemDefaults.warningLeadWorkingDays, f.timeLimitWorkingDays),
      reminderGraceWorkingDays: f.reminderGraceWorkingDays ?? approvalItemDefaults.reminderGraceWorkingDays,
      escalationGraceWorkingDays: f.escalationGraceWorkingDays ?? approvalItemDefaults.escalationGraceWorkingDays,
    };
  }

  protected async checkReferences(manager: EntityManager, content: ApprovalItemContent): Promise<FieldError[]> {
    const unknown = await this.departments.unknown([content.departmentCode, content.supervisingDepartmentCode], manager);
    return (['departmentCode', 'supervisingDepartmentCode'] as const)
      .filter((field) => unknown.has(content[field]))
      .map((field) => fieldError(field, 'exists', `${field} ${content[field]} is not a known department`));
  }

  protected applyFilters(qb: SelectQueryBuilder<ApprovalItemVersion>, query: ListApprovalItemsQuery): void {
    if (query.stage) qb.andWhere('v.stage = :stage', { stage: query.stage });
    if (query.category) qb.andWhere('v.category = :category', { category: query.category });
    if (query.departmentCode) qb.andWhere('v.department_code = :departmentCode', { departmentCode: query.departmentCode });
    if (query.supervisingDepartmentCode)
      qb.andWhere('v.supervising_department_code = :supervisingDepartmentCode', { supervisingDepartmentCode: query.supervisingDepartmentCode });
  }
}
