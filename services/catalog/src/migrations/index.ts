import { messagingMigrations } from '@cityworks/messaging';
import { Catalog1764000000300 } from './1764000000300-catalog';
import { CalendarArrangementRevisions1764000000310 } from './1764000000310-calendar-arrangement-revisions';

export const catalogMigrations = [...messagingMigrations, Catalog1764000000300, CalendarArrangementRevisions1764000000310];
