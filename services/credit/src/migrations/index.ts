import { MessagingTables1764000000000 } from '@cityworks/messaging';
import { CreditRecords1764000000400 } from './1764000000400-credit-records';

export const creditMigrations = [MessagingTables1764000000000, CreditRecords1764000000400];
