import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { flushTracing } from '@cityworks/tracing';

/**
 * Spans are sent to Zipkin in batches once a second; a service stopping sends what is still
 * buffered, so the last requests before a restart are in their traces (no-op without tracing).
 */
@Injectable()
export class TracingFlush implements BeforeApplicationShutdown {
  async beforeApplicationShutdown(): Promise<void> {
    await flushTracing();
  }
}
