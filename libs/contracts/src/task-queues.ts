/**
 * Temporal task queues. Workflows run on `workflows`; each service runs the activities that
 * touch its own data on a queue named after itself.
 */
export const TaskQueues = {
  workflows: 'workflows',
  catalog: 'catalog',
  approval: 'approval',
  supervision: 'supervision',
  credit: 'credit',
  complaints: 'complaints',
} as const;
export type TaskQueueName = (typeof TaskQueues)[keyof typeof TaskQueues];
