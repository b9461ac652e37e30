import { MessagingTables1764000000000 } from '@cityworks/messaging';
import { Catalog1764000000300 } from './1764000000300-catalog';

export const catalogMigrations = [MessagingTables1764000000000, Catalog1764000000300];
