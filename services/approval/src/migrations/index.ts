import { messagingMigrations } from '@cityworks/messaging';
import { Applications1764000000200 } from './1764000000200-applications';
import { ApprovalItemVersions1764000000240 } from './1764000000240-approval-item-versions';

export const approvalMigrations = [...messagingMigrations, Applications1764000000200, ApprovalItemVersions1764000000240];
