import { chinaDateOf, IsoDate } from '@cityworks/calendar';

/** Today's date in China: versions take effect, and "as of" reads default, by China's calendar. */
export function chinaToday(): IsoDate {
  return chinaDateOf(new Date());
}
