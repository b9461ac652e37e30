/** Event types published by the supervision service on `supervision.events`. */
export const SupervisionEventTypes = {
  taskOpened: 'supervision.task-opened.v1',
  feedbackGiven: 'supervision.feedback-given.v1',
  taskOverdue: 'supervision.task-overdue.v1',
} as const;

/** A supervision task opened because an approval result was pushed to the department. */
export interface SupervisionTaskOpenedV1 {
  taskId: string;
  applicationId: string;
  projectCode: string;
  departmentCode: string;
  dueAt: string;
}

/** 监管结果反馈: the supervising department acted and fed the result back. */
export interface SupervisionFeedbackGivenV1 {
  taskId: string;
  applicationId: string;
  departmentCode: string;
  outcome: string;
  givenAt: string;
}

export interface SupervisionTaskOverdueV1 {
  taskId: string;
  applicationId: string;
  departmentCode: string;
  dueAt: string;
  detectedAt: string;
}
