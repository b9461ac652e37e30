import { Inject, Injectable, OnModuleInit, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka } from 'kafkajs';
import { HealthRegistry, withTimeout } from '@cityworks/platform';
import { KAFKA } from './kafka.client';

@Injectable()
export class KafkaHealth implements OnModuleInit, OnApplicationShutdown {
  private admin: Admin | undefined;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly registry: HealthRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  onModuleInit(): void {
    this.registry.register('kafka', () => this.check());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async check() {
    const indicator = this.indicators.check('kafka');
    try {
      if (!this.admin) {
        this.admin = this.kafka.admin({ retry: { retries: 0 } });
      }
      await withTimeout(this.admin.connect(), 2000, 'Kafka');
      const cluster = await withTimeout(this.admin.describeCluster(), 2000, 'Kafka');
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (e) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return indicator.down({ message: (e as Error).message });
    }
  }
}
