import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, ProjectType, ProjectTypes } from '@cityworks/contracts';
import { ApiErrors, CurrentUser } from '@cityworks/platform';
import { CanMaintain, CanRead } from '../common/access';
import { ProjectTypePipe, VersionPipe } from '../common/pipes';
import { AsOfQuery, ListRegionQuery } from '../versioning/dto/version-meta.dto';
import { StageTemplatesService } from './stage-templates.service';
import { PublishStageTemplateDto, RequiredItemsQueryDto, StageTemplatesQuery } from './dto/stage-template-requests.dto';
import { RequiredItemsView, StageTemplateHistoryView, StageTemplateView } from './dto/stage-template.view';

const projectTypeParam = ApiParam({ name: 'projectType', enum: ProjectTypes });

@ApiTags('stage-templates')
@Controller('stage-templates')
export class StageTemplatesController {
  constructor(private readonly templates: StageTemplatesService) {}

  @Post('required-items')
  @CanRead()
  @HttpCode(200)
  @ApiOkResponse({ type: RequiredItemsView })
  @ApiErrors(400, [404, 'regionCode names no region'])
  @ApiOperation({
    summary:
      'Which approval items does this project need (in this stage)? Items whose condition holds, items that hinge on facts not given (with the facts to ask for), and items no longer in force',
  })
  requiredItems(@Body() body: RequiredItemsQueryDto) {
    return this.templates.requiredItems({ ...body, facts: { ...(body.facts ?? {}) } });
  }

  @Get()
  @CanRead()
  @ApiOkResponse({ type: [StageTemplateView] })
  @ApiErrors(400, [404, 'regionCode names no region'])
  @ApiOperation({ summary: 'Stage templates in force on a date (for a region: its own, else inherited)' })
  list(@Query() query: StageTemplatesQuery) {
    return this.templates.list(query);
  }

  @Get(':projectType')
  @CanRead()
  @projectTypeParam
  @ApiOkResponse({ type: StageTemplateView })
  @ApiErrors(400, [404, 'no template of the type is in force for the region on the date'])
  get(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Query() query: AsOfQuery) {
    return this.templates.get(projectType, query.regionCode, query.asOf);
  }

  @Get(':projectType/history')
  @CanRead()
  @projectTypeParam
  @ApiOkResponse({ type: [StageTemplateHistoryView] })
  @ApiErrors(400, 404)
  history(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Query() query: ListRegionQuery) {
    return this.templates.history(projectType, query.regionCode);
  }

  @Post(':projectType/versions')
  @CanMaintain()
  @projectTypeParam
  @ApiCreatedResponse({ type: StageTemplateView })
  @ApiErrors(400, 409)
  @ApiOperation({ summary: "Publish a version of a project type's template for a list; every item must be in force there on effectiveFrom" })
  publish(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Body() body: PublishStageTemplateDto, @CurrentUser() user?: AuthUser) {
    return this.templates.publish(projectType, body, user?.userId ?? null);
  }

  @Delete(':projectType/versions/:version')
  @CanMaintain()
  @projectTypeParam
  @ApiOkResponse({ type: StageTemplateView })
  @ApiErrors(400, 404, [409, 'the version is in force, or has later versions'])
  @ApiOperation({ summary: 'Withdraw the latest version before it takes effect' })
  withdraw(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Param('version', VersionPipe) version: number, @Query() query: ListRegionQuery) {
    return this.templates.withdraw(projectType, query.regionCode, version);
  }
}
