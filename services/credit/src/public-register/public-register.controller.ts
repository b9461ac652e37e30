import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ApiErrors, Public } from '@cityworks/platform';
import { PublicRegisterPage, PublicRegisterQuery } from './public-register.dto';
import { PublicRegisterService } from './public-register.service';
import { publicRegisterRateLimit } from './public-register-rate-limit';

/**
 * The public 双公示 register: no token (@Public), read-only, rate-limited per client address by the
 * platform's throttler (a caller without a token is counted by address) with its own, lower limit.
 */
@ApiTags('public register')
@Controller('public/credit-register')
export class PublicRegisterController {
  constructor(private readonly register: PublicRegisterService) {}

  @Get()
  @Public()
  @Throttle({ 'per-user': { limit: publicRegisterRateLimit(), ttl: 60_000 } })
  @ApiOperation({
    summary: '信用公示: published 行政许可 and 行政处罚 decisions still in their 公示期, searchable by name or 统一社会信用代码; no token needed',
    description: `At most ${publicRegisterRateLimit()} requests a minute per client address (CREDIT_PUBLIC_RATE_LIMIT_PER_MINUTE); more answer 429 with Retry-After. Repaired (信用修复) and expired entries are not listed; only the national fields are.`,
  })
  @ApiOkResponse({ type: PublicRegisterPage })
  @ApiErrors(400, [429, 'too many requests from this address in the last minute'])
  list(@Query() query: PublicRegisterQuery): Promise<PublicRegisterPage> {
    return this.register.list(query);
  }
}
