import type { Type } from '@nestjs/common';

export const TEMPORAL_OPTIONS = Symbol('TEMPORAL_OPTIONS');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

export interface TemporalServiceOptions {
  /** the service's own task queue: its activities touch only its own data */
  taskQueue: string;
  /** an injectable class whose public methods are the service's activities */
  activities?: Type<object>;
}
