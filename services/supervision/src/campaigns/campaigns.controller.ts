import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, PageQuery, Public, RequireRoles } from '@cityworks/platform';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto, ListCampaignsQuery } from './dto/create-campaign.dto';
import { VerifyDrawDto } from './dto/verify-draw.dto';
import { CampaignPageView, CampaignView, CampaignVisitPageView } from './views/campaign.view';
import { DrawVerificationView } from './views/draw-verification.view';
import type { PublishedDraw } from './draw';

const READERS = [Roles.supervisionOfficer, Roles.inspector, Roles.reformOffice, Roles.auditor];

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @ApiBearerAuth()
  @RequireRoles(Roles.supervisionOfficer)
  @ApiOperation({
    summary:
      '抽查计划: announce a 双随机 campaign of your department (with joint departments: 部门联合抽查); the seed’s SHA-256 is published now, the draw follows',
  })
  @ApiCreatedResponse({ type: CampaignView })
  @ApiErrors(400, 403, [
    422,
    'a participating department has fewer inspectors registered than inspectorsPerCheck, or no expert is registered when one is required',
  ])
  announce(@CurrentUser() user: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.announce(user, body);
  }

  @Get()
  @ApiBearerAuth()
  @RequireRoles(...READERS)
  @ApiOkResponse({ type: CampaignPageView })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListCampaignsQuery): Promise<CampaignPageView> {
    return this.campaigns.list(user, query);
  }

  @Post('draw/verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'anyone: re-run a published draw from its inputs and seed, see whether SHA-256(seed) matches the commitment and the list matches (docs/random-draw.md)',
    description: `The same module and output as \`node scripts/verify-draw.js <file> --json\`; larger drawings are verified with that command.`,
  })
  @ApiOkResponse({ type: DrawVerificationView })
  @ApiErrors(400, [422, 'the inputs break a rule of the draw (a subject listed twice, a member listed twice)'])
  verify(@Body() body: VerifyDrawDto): DrawVerificationView {
    return this.campaigns.verify(body);
  }

  @Get(':id')
  @ApiBearerAuth()
  @RequireRoles(...READERS)
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignView> {
    return this.campaigns.get(user, id);
  }

  @Get(':id/visits')
  @ApiBearerAuth()
  @RequireRoles(...READERS)
  @ApiOperation({ summary: 'the visits drawn: one per subject, one team, each department’s check slot and result' })
  @ApiOkResponse({ type: CampaignVisitPageView })
  @ApiErrors(400, 404)
  visits(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery): Promise<CampaignVisitPageView> {
    return this.campaigns.visits(user, id, query);
  }

  @Get(':id/draw')
  @Public()
  @ApiOperation({
    summary:
      '一公开 (anyone, no token): the published draw — inputs as drawn, seed commitment, seed, list — ready for POST /campaigns/draw/verify or scripts/verify-draw.js',
  })
  @ApiOkResponse({ type: VerifyDrawDto })
  @ApiErrors(404, [409, 'not published yet: the seed stays secret until then'])
  draw(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublishedDraw> {
    return this.campaigns.publishedDraw(id);
  }

  @Post(':id/publish')
  @ApiBearerAuth()
  @RequireRoles(Roles.supervisionOfficer)
  @HttpCode(200)
  @ApiOperation({ summary: '一公开: publish the campaign’s draw, seed and results, once every check’s result is in' })
  @ApiOkResponse({ type: CampaignView })
  @ApiErrors([403, 'not the organizing department'], 404, [409, 'not drawn yet, results still missing, or published already'])
  publish(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<CampaignView> {
    return this.campaigns.publish(user, id);
  }
}
