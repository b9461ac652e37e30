/** Activities the supervision service runs on its own task queue (`supervision`). */
export interface SupervisionActivities {
  /**
   * Marks an open task overdue and publishes the fact. Idempotent: a retried call, or a task
   * already answered (its feedback signal may have been lost), changes nothing and says so.
   */
  markSupervisionTaskOverdue(input: { taskId: string }): Promise<{ changed: boolean; status: 'open' | 'overdue' | 'closed' }>;
}
