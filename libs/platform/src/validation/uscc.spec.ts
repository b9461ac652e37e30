import { isValidUscc, usccCheckCharacter } from './uscc';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91440300708461136T'])('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });

  it.each([
    ['too short', '91350100M000100Y4'],
    ['lower case', '91350100m000100y43'],
    ['letter I is not in the alphabet', '91350100I000100Y43'],
    ['not a string', 91350100],
    ['empty', ''],
  ])('rejects %s', (_, code) => {
    expect(isValidUscc(code)).toBe(false);
  });

  it('computes the check character from the first 17', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('9135010*M000100Y4')).toBeUndefined();
  });
});
