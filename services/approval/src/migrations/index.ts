import { messagingMigrations } from '@cityworks/messaging';
import { Applications1764000000200 } from './1764000000200-applications';

export const approvalMigrations = [...messagingMigrations, Applications1764000000200];
