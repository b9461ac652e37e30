import type { ComplaintStatus } from '@cityworks/contracts';

/** received → acknowledged → answered; nothing goes back and nothing is skipped. */
export type ComplaintAction = 'acknowledge' | 'answer';

const REQUIRED_STATUS: Record<ComplaintAction, ComplaintStatus> = { acknowledge: 'received', answer: 'acknowledged' };
const NEXT_STATUS: Record<ComplaintAction, ComplaintStatus> = { acknowledge: 'acknowledged', answer: 'answered' };

/** Why `action` cannot happen to a complaint in `status`, or undefined when it can. */
export function refusalOf(action: ComplaintAction, status: ComplaintStatus, complaintId: string): string | undefined {
  if (status === REQUIRED_STATUS[action]) return undefined;
  if (action === 'answer' && status === 'received') return `complaint ${complaintId} must be acknowledged before it is answered`;
  return `complaint ${complaintId} is already ${status}; it cannot be ${NEXT_STATUS[action]} again`;
}

export function nextStatus(action: ComplaintAction): ComplaintStatus {
  return NEXT_STATUS[action];
}
