import type { TopicName } from '@cityworks/contracts';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  service: string;
  /** topics this service consumes; none means it only publishes */
  subscribeTo?: readonly TopicName[];
  /** defaults to `cityworks-<service>` */
  consumerGroup?: string;
}
