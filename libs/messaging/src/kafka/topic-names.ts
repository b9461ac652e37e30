import type { TopicName } from '@cityworks/contracts';

/**
 * The physical topic for a logical one. KAFKA_TOPIC_PREFIX lets tests (or a second city on a
 * shared cluster) use their own topics on the same brokers.
 */
export function physicalTopic(topic: TopicName | string): string {
  return `${process.env.KAFKA_TOPIC_PREFIX ?? ''}${topic}`;
}
