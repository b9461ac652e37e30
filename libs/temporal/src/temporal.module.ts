import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Client, Connection } from '@temporalio/client';
import { readInfraConfig } from '@cityworks/platform';
import { TEMPORAL_CLIENT, TEMPORAL_OPTIONS, TemporalServiceOptions } from './temporal.options';
import { TemporalWorkerHost } from './temporal-worker.host';
import { TemporalHealth } from './temporal-health';
import { WorkflowCommandRelay } from './workflow-command.relay';
import { installJsonRuntimeLogging } from './json-runtime-logging';
import { correlationClientInterceptor } from './correlation-propagation';
import { tracingClientInterceptors } from './tracing-interceptors';
import { temporalConnectionOptions } from './connection-options';

/**
 * A Temporal client (for queries), the relay that delivers the service's workflow commands
 * (starts and signals written by its state changes), and the service's activity worker.
 */
@Global()
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  static forService(options: TemporalServiceOptions): DynamicModule {
    // a test process hosts several services: its SDK lines are the process's, not one service's
    installJsonRuntimeLogging(process.env.NODE_ENV === 'test' ? 'test-process' : options.taskQueue);
    return {
      module: TemporalModule,
      imports: [TerminusModule],
      providers: [
        { provide: TEMPORAL_OPTIONS, useValue: options },
        {
          provide: TEMPORAL_CLIENT,
          // lazy: the service starts even while Temporal is down, and reconnects by itself
          useFactory: () => {
            const infra = readInfraConfig();
            return new Client({
              connection: Connection.lazy(temporalConnectionOptions()),
              namespace: infra.temporalNamespace,
              interceptors: { workflow: [correlationClientInterceptor, ...tracingClientInterceptors()] },
            });
          },
        },
        TemporalWorkerHost,
        TemporalHealth,
        WorkflowCommandRelay,
      ],
      exports: [TEMPORAL_CLIENT, WorkflowCommandRelay],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close().catch(() => undefined);
  }
}
