import type { ComplainantIdentity } from './identity-cipher';

/**
 * 脱敏: what anyone but the handling department and the 工改办 sees of a complainant — enough to
 * tell two complainants apart on a call-back list, not enough to find them: 王** ,
 * 138****5678, w***@example.com.
 */
export function maskIdentity(identity: ComplainantIdentity): ComplainantIdentity {
  return { name: maskName(identity.name), phone: maskPhone(identity.phone), email: maskEmail(identity.email) };
}

function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 11 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : `${'*'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
}

function maskEmail(email: string | null): string | null {
  if (!email) return email;
  const at = email.lastIndexOf('@');
  return `${email[0]}***${email.slice(at)}`;
}
