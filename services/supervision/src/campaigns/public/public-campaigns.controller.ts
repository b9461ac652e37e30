import { ConflictException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ApiErrors, PageQuery, Public } from '@cityworks/platform';
import { CampaignsRepository } from '../persistence/campaigns.repository';
import { PublicCampaignPageView, PublicCampaignResultPageView, PublicCampaignResultView, PublicCampaignView } from './public-campaign.view';
import { publicCampaignsRateLimit } from './public-campaigns-rate-limit';

const LIMIT = { 'per-user': { limit: publicCampaignsRateLimit(), ttl: 60_000 } };

/**
 * 一公开 for anyone (no token): every campaign from its announcement (the seed's commitment is
 * public from then on) and, once published, each drawn subject's results. The draw itself is
 * GET /campaigns/{id}/draw, its check POST /campaigns/draw/verify.
 */
@ApiTags('public campaigns')
@Controller('public/campaigns')
export class PublicCampaignsController {
  constructor(private readonly campaigns: CampaignsRepository) {}

  @Get()
  @Public()
  @Throttle(LIMIT)
  @ApiOperation({
    summary: '双随机 campaigns for anyone, newest first: announcement with the seed commitment, the seed once published, the counts',
    description: `At most ${publicCampaignsRateLimit()} requests a minute per client address (SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE); more answer 429.`,
  })
  @ApiOkResponse({ type: PublicCampaignPageView })
  @ApiErrors(400, [429, 'too many requests from this address in the last minute'])
  async list(@Query() query: PageQuery): Promise<PublicCampaignPageView> {
    const { items, total } = await this.campaigns.page({}, query.page, query.pageSize);
    return { items: items.map(PublicCampaignView.of), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id/results')
  @Public()
  @Throttle(LIMIT)
  @ApiOperation({ summary: '抽查结果 of a published campaign: each drawn subject and each department’s result' })
  @ApiOkResponse({ type: PublicCampaignResultPageView })
  @ApiErrors(
    400,
    404,
    [409, 'not published yet: results are public once the campaign is published'],
    [429, 'too many requests from this address in the last minute'],
  )
  async results(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery): Promise<PublicCampaignResultPageView> {
    const campaign = await this.campaigns.find(id);
    if (!campaign) throw new NotFoundException(`campaign ${id} not found`);
    if (campaign.snapshot.status !== 'published')
      throw new ConflictException(`campaign ${id} is ${campaign.snapshot.status}: its results are public once published`);
    const { items, total } = await this.campaigns.visits(id, query.page, query.pageSize);
    return { items: items.map(PublicCampaignResultView.of), total, page: query.page, pageSize: query.pageSize };
  }
}
