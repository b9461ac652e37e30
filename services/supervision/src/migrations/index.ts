import { MessagingTables1764000000000 } from '@cityworks/messaging';
import { SupervisionTasks1764000000100 } from './1764000000100-supervision-tasks';

export const supervisionMigrations = [MessagingTables1764000000000, SupervisionTasks1764000000100];
