import type { ComplaintCategory } from '@cityworks/contracts';

/**
 * What kind of matter a complaint is (投诉举报的类型), beside its category (what it is about):
 * - `approval-service` 审批服务: about how a department handled an application (delay, extra
 *   materials, conduct); it is answered by the department that implements the item (实施部门);
 * - `violation-report` 违法违规举报: a report of a violation on a project or by a market subject;
 *   it is answered by the department that supervises the item (监管部门);
 * - `suggestion` 建议: a proposal; the implementing department of the item named, else the 工改办.
 */
export const ComplaintKinds = ['approval-service', 'violation-report', 'suggestion'] as const;
export type ComplaintKind = (typeof ComplaintKinds)[number];

/** The kind a caller who gives none means: about 审批服务 for that category, a violation report otherwise. */
export function defaultKindOf(category: ComplaintCategory): ComplaintKind {
  return category === 'approval-service' ? 'approval-service' : 'violation-report';
}

/**
 * Why kind and category contradict each other, or undefined: an 审批服务 complaint has the
 * category `approval-service` and nothing else does, except a suggestion, which may be about anything.
 */
export function kindCategoryConflict(kind: ComplaintKind, category: ComplaintCategory): string | undefined {
  if (kind === 'approval-service' && category !== 'approval-service')
    return `kind approval-service (审批服务) requires category approval-service, got ${category}`;
  if (kind === 'violation-report' && category === 'approval-service')
    return 'kind violation-report (违法违规举报) cannot have category approval-service: use kind approval-service';
  return undefined;
}
