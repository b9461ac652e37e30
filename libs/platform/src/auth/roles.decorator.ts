import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser, Role } from '@cityworks/contracts';

export const REQUIRED_ROLES = 'cityworks:roles';

/** The roles allowed to call an endpoint (any one suffices); the reform office always may. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated user of the request (set by the auth guard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => ctx.switchToHttp().getRequest().user);
