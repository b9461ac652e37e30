import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ApprovalItemSnapshot, CatalogEventTypes, CatalogItemChangedV1 } from '@cityworks/contracts';
import { OutboxRelay, OutboxWriter } from '@cityworks/messaging';
import { AuditTrail, FieldError } from '@cityworks/platform';
import { fieldError } from '@cityworks/platform';
import { DepartmentsService } from '../departments/departments.service';
import { RegionsService } from '../regions/regions.service';
import { ItemListService, versionMeta } from '../versioning/item-list.service';
import { VersionedList } from '../versioning/versioned-list';
import { ApprovalItemContent, approvalItemContentFields, ApprovalItemVersion } from './approval-item-version.entity';
import { approvalItemColumns } from './approval-item.columns';
import { approvalItemDefaults, ApprovalItemFieldsDto } from './dto/approval-item-fields.dto';
import { ApprovalItemRowDto, ListApprovalItemsQuery } from './dto/approval-item-requests.dto';

@Injectable()
export class ApprovalItemsService extends ItemListService<ApprovalItemVersion, ApprovalItemContent, ApprovalItemFieldsDto, ApprovalItemRowDto, ApprovalItemSnapshot, ListApprovalItemsQuery> {
  readonly versions: VersionedList<ApprovalItemVersion, ApprovalItemContent>;
  readonly columns = approvalItemColumns;
  protected readonly rowDto = ApprovalItemRowDto;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    relay: OutboxRelay,
    regions: RegionsService,
    outbox: OutboxWriter,
    audit: AuditTrail,
    private readonly departments: DepartmentsService,
  ) {
    super(dataSource, relay, regions);
    this.versions = new VersionedList(
      {
        kind: 'approval-item',
        entity: ApprovalItemVersion,
        table: 'approval_item_versions',
        label: '审批事项',
        contentFields: approvalItemContentFields,
        flagsLowerLists: true,
        localFields: ['departmentCode', 'supervisingDepartmentCode'],
        event: ({ version, change, changedFields, flaggedRegionCodes }) => ({
          type: CatalogEventTypes.itemChanged,
          subject: `approval-item:${version.code}`,
          data: {
            kind: 'approval-item',
            code: version.code,
            name: version.name,
            regionCode: version.regionCode,
            version: version.version,
            effectiveFrom: version.effectiveFrom,
            change,
            changedFields,
            flaggedRegionCodes,
            occurredAt: new Date().toISOString(),
          } satisfies CatalogItemChangedV1,
        }),
      },
      outbox,
      audit,
    );
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
    if (query.supervisingDepartmentCode) qb.andWhere('v.supervising_department_code = :supervisingDepartmentCode', { supervisingDepartmentCode: query.supervisingDepartmentCode });
  }
}
