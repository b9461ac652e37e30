import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { Public } from '../http/public.decorator';

/** /metrics for Prometheus: no token (scrapers have none), no rate limit. */
@ApiExcludeController()
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  @Public()
  @SkipThrottle()
  override index(@Res({ passthrough: true }) response: Response) {
    return super.index(response);
  }
}
