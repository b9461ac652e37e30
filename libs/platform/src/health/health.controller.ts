import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthRegistry } from './health-registry';
import { Public } from '../http/public.decorator';
import { SkipThrottle } from '@nestjs/throttler';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: HealthRegistry,
  ) {}

  /** Up only when Postgres, Kafka and Temporal all answer; 503 otherwise. */
  @Get()
  @Public()
  @SkipThrottle()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        try {
          return await this.db.pingCheck('database', { timeout: 2000 });
        } catch (e) {
          return this.indicators.check('database').down({ message: (e as Error).message });
        }
      },
      ...this.registry.all(),
    ]);
  }
}
