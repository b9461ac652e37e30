import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Client } from '@temporalio/client';
import { HealthRegistry, withTimeout } from '@cityworks/platform';
import { TEMPORAL_CLIENT } from './temporal.options';
import { TemporalWorkerHost } from './temporal-worker.host';

@Injectable()
export class TemporalHealth implements OnModuleInit {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly worker: TemporalWorkerHost,
    private readonly registry: HealthRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  onModuleInit(): void {
    this.registry.register('temporal', () => this.check());
  }

  private async check() {
    const indicator = this.indicators.check('temporal');
    try {
      await withTimeout(this.client.connection.workflowService.getSystemInfo({}), 2000, 'Temporal');
      return indicator.up({ worker: this.worker.state });
    } catch (e) {
      return indicator.down({ message: (e as Error).message, worker: this.worker.state });
    }
  }
}
