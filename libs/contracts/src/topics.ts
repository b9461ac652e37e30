import topicFile from './kafka-topics.json';

/** Kafka topics, one per producing domain; each carries several versioned event types. */
export const Topics = {
  catalog: 'catalog.events',
  approval: 'approval.events',
  supervision: 'supervision.events',
  credit: 'credit.events',
  complaints: 'complaints.events',
  escalation: 'escalation.events',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicSpec {
  name: string;
  partitions: number;
  description: string;
}

/** Every topic the platform uses; created up front because the broker does not auto-create. */
export const topicSpecs: readonly TopicSpec[] = topicFile.topics;
