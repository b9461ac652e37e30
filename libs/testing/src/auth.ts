import * as fs from 'node:fs';
import { AuthUser, Role, Roles } from '@cityworks/contracts';
import { signAccessToken } from '@cityworks/platform';

/** A token for a test user, signed with the tests' key (see jest.setup-env.js). */
export function tokenFor(user: Partial<AuthUser> & { roles: Role[] }): string {
  const file = process.env.JWT_PRIVATE_KEY_FILE;
  if (!file) throw new Error('JWT_PRIVATE_KEY_FILE is not set (jest.setup-env.js sets it)');
  return signAccessToken(
    {
      userId: user.userId ?? `test-${user.roles.join('+')}`,
      departmentCode: user.departmentCode ?? 'TEST-DEPT',
      regionCode: user.regionCode ?? '210302',
      roles: user.roles,
    },
    fs.readFileSync(file, 'utf8'),
  );
}

/** `Authorization` header value for supertest's `.set('authorization', …)`. */
export function bearer(user: Partial<AuthUser> & { roles: Role[] }): string {
  return `Bearer ${tokenFor(user)}`;
}

/** The reform office (工改办) sees and may do everything: the simplest caller for tests of other rules. */
export const reformOffice = (): string => bearer({ userId: 'gongaiban-1', departmentCode: 'GGB', roles: [Roles.reformOffice] });
