import { MessagingTables1764000000000 } from '@cityworks/messaging';
import { Applications1764000000200 } from './1764000000200-applications';

export const approvalMigrations = [MessagingTables1764000000000, Applications1764000000200];
