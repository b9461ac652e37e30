import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@cityworks/contracts';
import { Roles } from '@cityworks/contracts';
import { IS_PUBLIC } from '../http/public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import { InvalidTokenError, publicKeyObject } from './access-token';
import { VerifiedTokens } from './verified-tokens';
import { bindUser } from '../correlation/correlation-context';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Every endpoint needs a valid RS256 bearer token unless marked @Public(), and must declare
 * its roles with @RequireRoles(): an endpoint without a declaration is closed. The reform
 * office may call anything; auditors may call any read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private tokens: VerifiedTokens | undefined;

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest();
    const header: unknown = req.headers?.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) throw new UnauthorizedException('a Bearer token is required');
    try {
      this.tokens ??= VerifiedTokens.of(publicKeyObject());
      req.user = this.tokens.verify(header.slice(7).trim());
    } catch (e) {
      if (e instanceof InvalidTokenError) throw new UnauthorizedException(e.message);
      throw e;
    }
    bindUser(req.user);
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!required) throw new ForbiddenException('this endpoint declares no roles');
    const roles: Role[] = req.user.roles;
    if (roles.includes(Roles.reformOffice)) return true;
    if (roles.includes(Roles.auditor) && READ_METHODS.has(req.method)) return true;
    if (required.some((r) => roles.includes(r))) return true;
    throw new ForbiddenException(`requires one of the roles: ${required.join(', ')}`);
  }
}
