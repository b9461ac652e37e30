import { messagingMigrations } from '@cityworks/messaging';
import { CreditRecords1764000000400 } from './1764000000400-credit-records';

export const creditMigrations = [...messagingMigrations, CreditRecords1764000000400];
