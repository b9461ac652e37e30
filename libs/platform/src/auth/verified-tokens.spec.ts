import * as fs from 'node:fs';
import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthUser, Roles } from '@cityworks/contracts';
import { InvalidTokenError, signAccessToken, verifyAccessTokenClaims } from './access-token';
import { VerifiedTokens } from './verified-tokens';

// the tests' own key pair (jest.setup-env.js)
const privateKey = fs.readFileSync(process.env.JWT_PRIVATE_KEY_FILE ?? '', 'utf8');
const publicKey = createPublicKey(fs.readFileSync(process.env.JWT_PUBLIC_KEY_FILE ?? '', 'utf8'));
const user = (userId: string): AuthUser => ({ userId, departmentCode: 'AS-ZJJ', regionCode: '210302', roles: [Roles.supervisionOfficer] });

describe('VerifiedTokens', () => {
  // the real verification, counted
  let verifications: jest.Mock;
  const verifiedTokens = (capacity?: number) => new VerifiedTokens(verifications, capacity);
  beforeEach(() => {
    verifications = jest.fn((token: string) => verifyAccessTokenClaims(token, publicKey));
  });
  afterEach(() => jest.useRealTimers());

  it('verifies a token once and answers its user from then on', () => {
    const tokens = verifiedTokens();
    const token = signAccessToken(user('zhang.san'), privateKey);
    expect(tokens.verify(token)).toEqual(user('zhang.san'));
    expect(tokens.verify(token)).toEqual(user('zhang.san'));
    expect(tokens.verify(token)).toEqual(user('zhang.san'));
    expect(verifications).toHaveBeenCalledTimes(1);
    expect(tokens.size).toBe(1);
  });

  it('refuses a kept token once it expires, with the verification’s own message', () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T08:00:00Z') });
    const tokens = verifiedTokens();
    const token = signAccessToken(user('li.si'), privateKey, '60s');
    expect(tokens.verify(token)).toEqual(user('li.si'));
    jest.setSystemTime(new Date('2026-12-02T08:00:59.999Z'));
    expect(tokens.verify(token)).toEqual(user('li.si'));
    expect(verifications).toHaveBeenCalledTimes(1);
    jest.setSystemTime(new Date('2026-12-02T08:01:00Z'));
    expect(() => tokens.verify(token)).toThrow(InvalidTokenError);
    expect(() => tokens.verify(token)).toThrow(/jwt expired/);
    expect(tokens.size).toBe(0);
  });

  it('keeps no token that failed: it is verified again, and refused again, each time', () => {
    const tokens = verifiedTokens();
    const good = signAccessToken(user('wang.wu'), privateKey);
    const [header, payload] = good.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const otherKey = jwt.sign({ sub: 'x', dept: 'AS-ZJJ', region: '210302', roles: [] }, 'a shared secret', { expiresIn: '1h' });
    for (const token of [forged, forged, otherKey]) expect(() => tokens.verify(token)).toThrow(InvalidTokenError);
    expect(verifications).toHaveBeenCalledTimes(3);
    expect(tokens.size).toBe(0);
  });

  it('holds at most its capacity, letting the least recently used go', () => {
    const tokens = verifiedTokens(2);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => signAccessToken(user(id), privateKey));
    tokens.verify(a);
    tokens.verify(b);
    tokens.verify(a); // a is now the most recently used
    tokens.verify(c); // b goes
    expect(tokens.size).toBe(2);
    expect(verifications).toHaveBeenCalledTimes(3);
    tokens.verify(a);
    expect(verifications).toHaveBeenCalledTimes(3);
    tokens.verify(b);
    expect(verifications).toHaveBeenCalledTimes(4);
  });

  it('verifies with the public key it is given', () => {
    const tokens = VerifiedTokens.of(publicKey);
    expect(tokens.verify(signAccessToken(user('sun.qi'), privateKey))).toEqual(user('sun.qi'));
    expect(() => tokens.verify(jwt.sign({ sub: 'x' }, 'a shared secret', { expiresIn: '1h' }))).toThrow(InvalidTokenError);
  });

  it('gives each request its own user: a change to one does not reach the next', () => {
    const tokens = verifiedTokens();
    const token = signAccessToken(user('zhao.liu'), privateKey);
    const first = tokens.verify(token);
    first.roles.push(Roles.reformOffice);
    first.regionCode = '000000';
    expect(tokens.verify(token)).toEqual(user('zhao.liu'));
  });
});
