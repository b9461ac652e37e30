import { MessagingTables1764000000000 } from '@cityworks/messaging';
import { Complaints1764000000500 } from './1764000000500-complaints';

export const complaintsMigrations = [MessagingTables1764000000000, Complaints1764000000500];
