import { AuthUser, Roles } from '@cityworks/contracts';

/** What decides who reads a complainant's identity in clear. */
export interface IdentityHolder {
  departmentCode: string;
  reviewDepartmentCode: string | null;
}

/**
 * The complainant's identity in clear: only the handling department's complaint handlers — they
 * call the complainant back — and the 工改办: the reform-office role, and the handlers of the
 * 工改办 reviewing a reopened complaint. Everyone else who may read the complaint (auditors,
 * system bridges, a department it was transferred away from no longer reads it at all) sees it masked.
 */
export function readsIdentityInClear(user: AuthUser, c: IdentityHolder): boolean {
  if (user.roles.includes(Roles.reformOffice)) return true;
  if (!user.roles.includes(Roles.complaintHandler)) return false;
  return user.departmentCode === c.departmentCode || user.departmentCode === c.reviewDepartmentCode;
}
