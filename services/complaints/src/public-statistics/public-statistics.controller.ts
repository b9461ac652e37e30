import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ApiErrors, Public } from '@cityworks/platform';
import { PublicComplaintStatisticsQuery, PublicComplaintStatisticsView } from './public-statistics.dto';
import { PublicStatisticsService } from './public-statistics.service';
import { publicStatisticsRateLimit } from './public-statistics-rate-limit';

/** 有诉必应 statistics for the public 公示 page: no token, read-only, limited per client address. */
@ApiTags('public statistics')
@Controller('public/complaint-statistics')
export class PublicStatisticsController {
  constructor(private readonly statistics: PublicStatisticsService) {}

  @Get()
  @Public()
  @Throttle({ 'per-user': { limit: publicStatisticsRateLimit(), ttl: 60_000 } })
  @ApiOperation({
    summary: '有诉必应 per department for anyone: complaints received, answered on time and the satisfaction rate in a year or month; no token needed',
    description: `At most ${publicStatisticsRateLimit()} requests a minute per client address (COMPLAINTS_PUBLIC_RATE_LIMIT_PER_MINUTE); more answer 429. Counts only: no complaint or complainant is shown.`,
  })
  @ApiOkResponse({ type: PublicComplaintStatisticsView })
  @ApiErrors(400, [429, 'too many requests from this address in the last minute'])
  perDepartment(@Query() query: PublicComplaintStatisticsQuery): Promise<PublicComplaintStatisticsView> {
    return this.statistics.perDepartment(query);
  }
}
