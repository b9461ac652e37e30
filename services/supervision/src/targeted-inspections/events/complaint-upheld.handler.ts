import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintCategories, ComplaintCategory, ComplaintEventTypes, ComplaintUpheldV1, IntegrationEvent } from '@cityworks/contracts';
import { EventConsumer, IntegrationEventHandler, PermanentEventError } from '@cityworks/messaging';
import { isValidUscc } from '@cityworks/platform';
import { SUPERVISION_TERMS } from '../../actions/supervision-actions.service';
import type { SupervisionTerms } from '../../actions/domain/reporting-terms';
import { InspectionTasksService } from '../inspection-tasks.service';
import { recordConductComplaint } from '../../oversight-reports/persistence/conduct-complaints';

/** Complaints about the approval service itself, or about nothing in particular, are not violation reports: no inspection follows. */
const NOT_VIOLATION_REPORTS: readonly ComplaintCategory[] = ['approval-service', 'other'];

const CATEGORY_NAMES: Partial<Record<ComplaintCategory, string>> = {
  'construction-quality': '工程质量',
  'construction-safety': '施工安全',
  'illegal-contracting': '违法发包、转包、违法分包',
  'wage-arrears': '拖欠农民工工资',
  environment: '扬尘、噪声等环境问题',
};

/** What an upheld complaint must carry before an inspection can be opened from it; retrying cannot fix a bad one. */
export function assertUpheldPayload(data: Partial<ComplaintUpheldV1> | undefined): asserts data is ComplaintUpheldV1 {
  const missing = (['complaintId', 'category', 'regionCode', 'departmentCode', 'upheldAt'] as const).filter((f) => typeof data?.[f] !== 'string' || !data[f]);
  if (missing.length) throw new PermanentEventError(`complaints.upheld.v1 lacks ${missing.join(', ')}`);
  const { category, regionCode, subjectUscc } = data as ComplaintUpheldV1;
  if (!ComplaintCategories.includes(category)) throw new PermanentEventError(`complaints.upheld.v1 category ${category} is unknown`);
  if (!/^\d{6}$/.test(regionCode)) throw new PermanentEventError('complaints.upheld.v1 regionCode is not a 6-digit division code');
  if (subjectUscc && !isValidUscc(subjectUscc)) throw new PermanentEventError('complaints.upheld.v1 subjectUscc is not a valid 统一社会信用代码');
}

/**
 * 投诉举报查实 → 专项检查: a substantiated report of a violation opens a targeted inspection for the
 * department that handled it (the one responsible by duty), in the inbox transaction, once per
 * complaint — a redelivered event finds the task the first one opened. A substantiated complaint
 * about the approval service is about the department's own conduct: it counts in its monthly 通报.
 */
@Injectable()
export class ComplaintUpheldHandler implements IntegrationEventHandler<ComplaintUpheldV1>, OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly tasks: InspectionTasksService,
    @Inject(SUPERVISION_TERMS) private readonly terms: SupervisionTerms,
  ) {}

  onModuleInit(): void {
    this.consumer.register(ComplaintEventTypes.upheld, this);
  }

  async handle(event: IntegrationEvent<ComplaintUpheldV1>, manager: EntityManager): Promise<void> {
    assertUpheldPayload(event.data);
    const c = event.data;
    if (c.category === 'approval-service') return recordConductComplaint(manager, c);
    if (NOT_VIOLATION_REPORTS.includes(c.category)) return;
    await this.tasks.open(
      {
        source: 'complaint',
        sourceRef: c.complaintId,
        departmentCode: c.departmentCode,
        regionCode: c.regionCode,
        supervisionItemCode: null,
        subjectUscc: c.subjectUscc,
        subjectName: null,
        projectCode: c.projectCode,
        title: `投诉举报查实（${CATEGORY_NAMES[c.category] ?? c.category}）的专项检查`,
        details: `投诉举报 ${c.complaintId} 经 ${c.departmentCode} 查实${c.itemCode ? `，涉及事项 ${c.itemCode}` : ''}${c.projectCode ? `，项目 ${c.projectCode}` : ''}。`,
        requestedBy: c.departmentCode,
        referringActionId: null,
      },
      { workingDays: this.terms.targetedInspectionFeedbackWorkingDays },
      manager,
    );
  }
}
