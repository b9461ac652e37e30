import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { DataSource } from 'typeorm';
import { register } from 'prom-client';
import { readInfraConfig } from './config/infra-config';
import { serviceDataSourceOptions, migrateServiceSchema, ServiceDatabaseOptions } from './database/service-data-source';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';
import { HealthRegistry } from './health/health-registry';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { createValidationPipe } from './http/validation';
import { CorrelationIdMiddleware } from './correlation/correlation.middleware';
import { NulGuardMiddleware } from './http/nul-guard.middleware';
import { loggerOptions } from './logging/logger-options';
import { SERVICE_NAME } from './tokens';
import { AuthGuard } from './auth/auth.guard';
import { UserThrottlerGuard } from './auth/user-throttler.guard';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLogTable1764000000050 } from './audit/audit-log.migration';
import { AuditLogChains1764000000051 } from './audit/audit-log-chains.migration';
import { AuditTrail } from './audit/audit-trail';
import { AuditController } from './audit/audit.controller';
import { TracingFlush } from './lifecycle/tracing-flush';

export interface ServicePlatformOptions extends ServiceDatabaseOptions {
  /** the service's name: its log field, its Kafka client id, its task queue */
  service: string;
}

/**
 * What every service has: config, JSON logs with correlation ids, its own Postgres schema
 * migrated on start, /health, /metrics, validation and error mapping.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService(options: ServicePlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true }),
        LoggerModule.forRoot(loggerOptions(options.service)),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions(readInfraConfig(), {
              schema: options.schema,
              entities: [...(options.entities as []), AuditEntry],
              migrations: [AuditLogTable1764000000050, AuditLogChains1764000000051, ...(options.migrations as [])],
            }),
          dataSourceFactory: async (dsOptions) => {
            const dataSource = new DataSource(dsOptions!);
            await dataSource.initialize();
            await migrateServiceSchema(dataSource, options.schema);
            return dataSource;
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
        ThrottlerModule.forRoot([{ name: 'per-user', ttl: 60_000, limit: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 600) }]),
        PrometheusModule.register({
          path: '/metrics',
          controller: MetricsController,
          // process metrics are registered once per process (tests run several services in one)
          defaultMetrics: { enabled: !register.getSingleMetric('process_cpu_user_seconds_total'), config: { labels: { service: options.service } } },
        }),
      ],
      controllers: [HealthController, AuditController],
      providers: [
        HealthRegistry,
        AuditTrail,
        TracingFlush,
        // order matters: the user is known before the rate limit is counted per user
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: UserThrottlerGuard },
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [HealthRegistry, SERVICE_NAME, AuditTrail],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware, NulGuardMiddleware).forRoutes('*');
  }
}
