import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
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
import { HealthRegistry } from './health/health-registry';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { createValidationPipe } from './http/validation';
import { CorrelationIdMiddleware } from './correlation/correlation.middleware';
import { loggerOptions } from './logging/logger-options';
import { SERVICE_NAME } from './tokens';

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
          useFactory: () => serviceDataSourceOptions(readInfraConfig(), options),
          dataSourceFactory: async (dsOptions) => {
            const dataSource = new DataSource(dsOptions!);
            await dataSource.initialize();
            await migrateServiceSchema(dataSource, options.schema);
            return dataSource;
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
        PrometheusModule.register({
          path: '/metrics',
          // process metrics are registered once per process (tests run several services in one)
          defaultMetrics: { enabled: !register.getSingleMetric('process_cpu_user_seconds_total'), config: { labels: { service: options.service } } },
        }),
      ],
      controllers: [HealthController],
      providers: [
        HealthRegistry,
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [HealthRegistry, SERVICE_NAME],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*');
  }
}
