import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { NulGuardMiddleware } from './nul-guard.middleware';

/** Request checks for every route of the service, the platform's own included. */
@Module({})
export class HttpHardeningModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(NulGuardMiddleware).forRoutes('*');
  }
}
