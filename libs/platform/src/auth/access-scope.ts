import { ForbiddenException } from '@nestjs/common';
import { AuthUser, Roles } from '@cityworks/contracts';

/**
 * 谁审批谁负责、谁主管谁监管: a user acts on what their department owns or is assigned; the
 * reform office (工改办) and auditors see everything, and only the reform office may act
 * across departments.
 */
export function seesAll(user: AuthUser | undefined): boolean {
  return !!user && (user.roles.includes(Roles.reformOffice) || user.roles.includes(Roles.auditor) || user.roles.includes(Roles.system));
}

export function actsForAll(user: AuthUser | undefined): boolean {
  return !!user && (user.roles.includes(Roles.reformOffice) || user.roles.includes(Roles.system));
}

/** The department filter for a list: none for those who see all, the user's own otherwise. */
export function departmentFilter(user: AuthUser | undefined): string | undefined {
  if (!user) throw new ForbiddenException('no authenticated user');
  return seesAll(user) ? undefined : user.departmentCode;
}

/** Whether the user may read a record owned by (or assigned to) these departments. */
export function mayRead(user: AuthUser | undefined, ...departmentCodes: (string | null | undefined)[]): boolean {
  return seesAll(user) || (!!user && departmentCodes.includes(user.departmentCode));
}

export function mayAct(user: AuthUser | undefined, ...departmentCodes: (string | null | undefined)[]): boolean {
  return actsForAll(user) || (!!user && departmentCodes.includes(user.departmentCode));
}
