import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter, AuthGuard, createValidationPipe, NulGuardMiddleware, UserThrottlerGuard } from '@cityworks/platform';
import { PortalCorrelationMiddleware } from './http/correlation.middleware';
import { staffRateLimit } from './http/rate-limits';
import { portalLoggerOptions } from './http/logger-options';
import { sessionCookieToBearer } from './session/session-cookie';
import { SessionController } from './session/session.controller';
import { DevSignInController } from './session/dev-sign-in.controller';
import { DEV_SIGN_IN_MODE, devSignInMode } from './session/dev-sign-in-mode';
import { SESSION_SETTINGS, sessionSettings } from './session/session-settings';
import { UpstreamClient } from './upstream/upstream-client';
import { UPSTREAM_URLS, upstreamUrls } from './upstream/upstream-urls';
import { OverviewController } from './console/overview/overview.controller';
import { OverviewService } from './console/overview/overview.service';
import { ReportCache } from './console/overview/report-cache';
import { OverdueController } from './console/overdue/overdue.controller';
import { OverdueService } from './console/overdue/overdue.service';
import { TEMPORAL_UI, temporalUi } from './console/overdue/temporal-link';
import { TimelineController } from './console/timeline/timeline.controller';
import { TimelineService } from './console/timeline/timeline.service';
import { LettersController } from './console/letters/letters.controller';
import { ReportsController } from './console/reports/reports.controller';
import { DepartmentsController } from './console/departments.controller';
import { PublicController } from './public/public.controller';
import { PublicCache } from './public/public-cache';
import { DrawChecker } from './public/draw-checker';
import { PortalHealthController } from './health/health.controller';
import { WEB_ASSETS, webAssets } from './web-assets/web-assets';

/**
 * 门户: the backend-for-frontend of the 工改办 console and the public 公示 page. No database of its
 * own: every figure is read from the service that owns it, with the signed-in user's token, so
 * department scoping is the services' own on every screen.
 */
@Module({
  imports: [LoggerModule.forRoot(portalLoggerOptions()), ThrottlerModule.forRoot([{ name: 'per-user', ttl: 60_000, limit: staffRateLimit() }])],
  controllers: [
    PortalHealthController,
    SessionController,
    DevSignInController,
    OverviewController,
    OverdueController,
    TimelineController,
    LettersController,
    ReportsController,
    DepartmentsController,
    PublicController,
  ],
  providers: [
    { provide: UPSTREAM_URLS, useFactory: () => upstreamUrls() },
    { provide: DEV_SIGN_IN_MODE, useFactory: () => devSignInMode() },
    { provide: SESSION_SETTINGS, useFactory: () => sessionSettings(process.env, devSignInMode().enabled) },
    { provide: TEMPORAL_UI, useFactory: () => temporalUi() },
    { provide: WEB_ASSETS, useFactory: () => webAssets() },
    UpstreamClient,
    OverviewService,
    ReportCache,
    OverdueService,
    TimelineService,
    PublicCache,
    DrawChecker,
    // order matters: the user is known before the rate limit is counted per user
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: UserThrottlerGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
export class PortalModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PortalCorrelationMiddleware, NulGuardMiddleware, sessionCookieToBearer).forRoutes('*');
  }
}
