import type { LetterKind } from '@cityworks/contracts';
import { chinaDateOf } from '@cityworks/calendar';

/** 发文机关代字 after the office's short name: 提 for a 提醒函, 督 for a 督办函. */
export const LetterKindMarks: Record<LetterKind, string> = { 提醒函: '提', 督办函: '督' };

/** 〔年份〕 is the year of issue in China, whatever the server's zone: 2026-12-31T17:00Z is 2027. */
export function issueYear(issuedAt: Date): number {
  return Number(chinaDateOf(issuedAt).slice(0, 4));
}

/**
 * 发文字号 (GB/T 9704): 发文机关代字 + 〔年份〕 + 发文顺序号 + 号, e.g. 铁东工改办督〔2026〕12号. The
 * sequence is gap-free per office, kind and year; it is allocated by the letters repository in
 * the transaction that stores the letter, so this only writes it down.
 */
export function letterNumber(shortName: string, kind: LetterKind, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`a letter's sequence starts at 1, not ${sequence}`);
  return `${shortName}${LetterKindMarks[kind]}〔${year}〕${sequence}号`;
}

/** A day as a Chinese official document writes it: 2026年12月3日 (China time, no leading zeros). */
export function chineseDate(instant: Date): string {
  const [y, m, d] = chinaDateOf(instant).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
