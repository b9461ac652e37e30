import * as fs from 'node:fs';
import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import jwt from 'jsonwebtoken';
import { AuthUser, Roles } from '@cityworks/contracts';
import { InvalidTokenError, signAccessToken, verifyAccessToken } from './access-token';
import { AuthGuard } from './auth.guard';
import { REQUIRED_ROLES } from './roles.decorator';

// the tests' own key pair (jest.setup-env.js)
const privateKey = fs.readFileSync(process.env.JWT_PRIVATE_KEY_FILE ?? '', 'utf8');
const publicKey = fs.readFileSync(process.env.JWT_PUBLIC_KEY_FILE ?? '', 'utf8');
const user: AuthUser = { userId: 'zhang.san', departmentCode: 'AS-ZJJ', regionCode: '210302', roles: [Roles.supervisionOfficer] };
const claims = { sub: user.userId, dept: user.departmentCode, region: user.regionCode, roles: user.roles };

function signWithoutExpiry(): string {
  return jwt.sign(claims, privateKey, { algorithm: 'RS256', issuer: 'cityworks', audience: 'cityworks' });
}

describe('verifyAccessToken', () => {
  it('accepts a signed token with an expiry', () => {
    expect(verifyAccessToken(signAccessToken(user, privateKey), publicKey)).toEqual(user);
  });

  it('refuses a correctly signed token without exp, naming the rule', () => {
    const token = signWithoutExpiry();
    expect(jwt.decode(token)).not.toHaveProperty('exp');
    expect(() => verifyAccessToken(token, publicKey)).toThrow(InvalidTokenError);
    expect(() => verifyAccessToken(token, publicKey)).toThrow(/exp is required/);
  });

  it('refuses an expired token', () => {
    const token = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, privateKey, {
      algorithm: 'RS256',
      issuer: 'cityworks',
      audience: 'cityworks',
    });
    expect(() => verifyAccessToken(token, publicKey)).toThrow(/jwt expired/);
  });
});

describe('AuthGuard', () => {
  function context(authorization: string): ExecutionContext {
    const handler = () => undefined;
    Reflect.defineMetadata(REQUIRED_ROLES, [Roles.supervisionOfficer], handler);
    const req = { method: 'GET', headers: { authorization } };
    return {
      getHandler: () => handler,
      getClass: () => class {},
      switchToHttp: () => ({ getRequest: () => req }),
    } as unknown as ExecutionContext;
  }
  const guard = new AuthGuard(new Reflector());

  it('lets a token with an expiry through', () => {
    expect(guard.canActivate(context(`Bearer ${signAccessToken(user, privateKey)}`))).toBe(true);
  });

  it('answers 401 naming the rule to a token without exp', () => {
    const run = () => guard.canActivate(context(`Bearer ${signWithoutExpiry()}`));
    expect(run).toThrow(UnauthorizedException);
    expect(run).toThrow('invalid token: exp is required (tokens without an expiry are refused)');
  });
});
