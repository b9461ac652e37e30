import { usccCheckCharacter } from '@cityworks/platform';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid, random 统一社会信用代码, so test runs sharing the database never share a subject. */
export function randomUscc(): string {
  let body = '91210302';
  for (let i = 0; i < 9; i++) body += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  const check = usccCheckCharacter(body);
  if (!check) throw new Error(`cannot compute the check character of ${body}`);
  return body + check;
}
