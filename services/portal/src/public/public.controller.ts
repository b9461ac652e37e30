import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ApiErrors, PageQuery, Public } from '@cityworks/platform';
import { UPSTREAM_ERRORS, UpstreamClient } from '../upstream/upstream-client';
import { publicRateLimit } from '../http/rate-limits';
import { PublicCache } from './public-cache';
import { RegisterQuery, StatisticsQuery } from './public.query';
import { DrawCheckView, PublicCampaignPageView } from './public.view';
import { DrawChecker } from './draw-checker';

const LIMIT = { 'per-user': { limit: publicRateLimit(), ttl: 60_000 } };
const TOO_MANY: [number, string] = [429, 'too many requests from this address in the last minute'];

/**
 * 公示 (一公开) for anyone: no sign-in, read-only, limited per address, and only the services'
 * public endpoints behind it — nothing personal beyond the national publication fields.
 */
@ApiTags('public')
@Controller('api/public')
export class PublicController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly cache: PublicCache,
    private readonly draws: DrawChecker,
  ) {}

  @Get('campaigns')
  @Public()
  @Throttle(LIMIT)
  @ApiOperation({ summary: '双随机 campaigns: announcement with the seed commitment, the seed and counts once published' })
  @ApiOkResponse({ type: PublicCampaignPageView })
  @ApiErrors(400, TOO_MANY, ...UPSTREAM_ERRORS)
  campaigns(@Query() query: PageQuery): Promise<PublicCampaignPageView> {
    const q = { page: query.page, pageSize: query.pageSize };
    return this.cache.get(`campaigns:${q.page}:${q.pageSize}`, () =>
      this.upstream.json<PublicCampaignPageView>('supervision', '/public/campaigns', { query: q }),
    );
  }

  @Get('campaigns/:id/draw-check')
  @Public()
  @Throttle(LIMIT)
  @ApiOperation({ summary: '验证抽取结果: re-run a published campaign’s draw from its inputs and revealed seed; subjects, inspectors and results' })
  @ApiOkResponse({ type: DrawCheckView })
  @ApiErrors(400, 404, [409, 'not published yet: the seed stays secret until then'], TOO_MANY, ...UPSTREAM_ERRORS)
  drawCheck(@Param('id', new ParseUUIDPipe()) id: string): Promise<DrawCheckView> {
    return this.cache.get(`draw:${id}`, () => this.draws.check(id));
  }

  @Get('credit-register')
  @Public()
  @Throttle(LIMIT)
  @ApiOperation({ summary: '双公示: permits and penalties in their 公示期, searchable by name or 统一社会信用代码 (national fields only)' })
  @ApiOkResponse({ schema: { type: 'object', description: 'credit’s PublicRegisterPage' } })
  @ApiErrors(400, TOO_MANY, ...UPSTREAM_ERRORS)
  register(@Query() query: RegisterQuery): Promise<unknown> {
    const q = { page: query.page, pageSize: query.pageSize, kind: query.kind, q: query.q?.trim() || undefined };
    return this.cache.get(`register:${JSON.stringify(q)}`, () => this.upstream.json('credit', '/public/credit-register', { query: q }));
  }

  @Get('complaint-statistics')
  @Public()
  @Throttle(LIMIT)
  @ApiOperation({ summary: '有诉必应 per department: received, answered on time, satisfaction' })
  @ApiOkResponse({ schema: { type: 'object', description: 'complaints’ PublicComplaintStatisticsView' } })
  @ApiErrors(400, TOO_MANY, ...UPSTREAM_ERRORS)
  statistics(@Query() query: StatisticsQuery): Promise<unknown> {
    const q = { year: query.year ?? Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)), month: query.month };
    return this.cache.get(`stats:${q.year}:${q.month ?? ''}`, () => this.upstream.json('complaints', '/public/complaint-statistics', { query: q }));
  }
}
