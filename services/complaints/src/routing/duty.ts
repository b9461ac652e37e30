import type { ComplaintCategory } from '@cityworks/contracts';
import type { ComplaintKind } from '../complaints/intake/complaint-kind';

/**
 * Which of an item's departments a complaint belongs to by duty (职责):
 * - `implements` 实施部门 — the department that decides the item's applications;
 * - `supervises` 监管部门 — the department that supervises what was approved (谁审批谁负责、谁主管谁监管).
 */
export type Duty = 'implements' | 'supervises';

/**
 * Category → duty. 审批服务 (how an application was handled) is the implementing department's;
 * every violation category — 工程质量, 施工安全, 违法发包转包分包, 拖欠农民工工资, 扬尘噪声 — is
 * the supervising department's; `other` follows the kind. A suggestion goes to the implementing
 * department, who can change how the item is run.
 */
export const DUTY_OF_CATEGORY: Record<Exclude<ComplaintCategory, 'other'>, Duty> = {
  'approval-service': 'implements',
  'construction-quality': 'supervises',
  'construction-safety': 'supervises',
  'illegal-contracting': 'supervises',
  'wage-arrears': 'supervises',
  environment: 'supervises',
};

export function dutyOf(kind: ComplaintKind, category: ComplaintCategory): Duty {
  if (kind === 'suggestion') return 'implements';
  if (category === 'other') return kind === 'violation-report' ? 'supervises' : 'implements';
  return DUTY_OF_CATEGORY[category];
}

/** How a complaint found its department: recorded with it, shown to handlers, audited. */
export type RoutedBy =
  /** the item named, in force in the complaint's region */
  | 'item'
  /** the item of the project's latest accepted application */
  | 'project'
  /** nobody claims it: the territory's 工改办 */
  | 'reform-office';

/** The departments of one item version in force (实施部门, 监管部门). */
export interface ItemDepartments {
  itemCode: string;
  implementingDepartmentCode: string;
  supervisingDepartmentCode: string;
}

export interface Route {
  departmentCode: string;
  routedBy: RoutedBy;
  /** the item the department answers for; null when none was found */
  itemCode: string | null;
}

/**
 * The department a complaint goes to: by the item it names, else by the item of the project it
 * names, the department with the complaint's duty over that item; one nobody claims goes to the
 * territory's 工改办.
 */
export function route(duty: Duty, byItem: ItemDepartments | null, byProject: ItemDepartments | null, reformOffice: string): Route {
  const found = byItem ?? byProject;
  if (!found) return { departmentCode: reformOffice, routedBy: 'reform-office', itemCode: null };
  return {
    departmentCode: duty === 'implements' ? found.implementingDepartmentCode : found.supervisingDepartmentCode,
    routedBy: byItem ? 'item' : 'project',
    itemCode: found.itemCode,
  };
}
