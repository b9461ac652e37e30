import { Roles } from '@cityworks/contracts';
import { RequireRoles } from '@cityworks/platform';

/** Reads: every authenticated government role, and other services (the lists are public duty). */
export const CanRead = () => RequireRoles(...Object.values(Roles));

/** Writes (versions, imports, calendar arrangements, demo data): the reform office (工改办) only. */
export const CanMaintain = () => RequireRoles(Roles.reformOffice);
