import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, ProjectType, ProjectTypes } from '@cityworks/contracts';
import { CurrentUser } from '@cityworks/platform';
import { CanMaintain, CanRead } from '../common/access';
import { ProjectTypePipe, VersionPipe } from '../common/pipes';
import { AsOfQuery, ListRegionQuery } from '../versioning/dto/version-meta.dto';
import { StageTemplatesService } from './stage-templates.service';
import { PublishStageTemplateDto, RequiredItemsQueryDto, StageTemplatesQuery } from './dto/stage-template-requests.dto';

const projectTypeParam = ApiParam({ name: 'projectType', enum: ProjectTypes });

@ApiTags('stage-templates')
@Controller('stage-templates')
export class StageTemplatesController {
  constructor(private readonly templates: StageTemplatesService) {}

  @Post('required-items')
  @CanRead()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Which approval items does this project need (in this stage)? Items whose condition holds, items that hinge on facts not given (with the facts to ask for), and items no longer in force',
  })
  requiredItems(@Body() body: RequiredItemsQueryDto) {
    return this.templates.requiredItems({ ...body, facts: { ...(body.facts ?? {}) } });
  }

  @Get()
  @CanRead()
  @ApiOperation({ summary: 'Stage templates in force on a date (for a region: its own, else inherited)' })
  list(@Query() query: StageTemplatesQuery) {
    return this.templates.list(query);
  }

  @Get(':projectType')
  @CanRead()
  @projectTypeParam
  get(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Query() query: AsOfQuery) {
    return this.templates.get(projectType, query.regionCode, query.asOf);
  }

  @Get(':projectType/history')
  @CanRead()
  @projectTypeParam
  history(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Query() query: ListRegionQuery) {
    return this.templates.history(projectType, query.regionCode);
  }

  @Post(':projectType/versions')
  @CanMaintain()
  @projectTypeParam
  @ApiOperation({ summary: 'Publish a version of a project type\'s template for a list; every item must be in force there on effectiveFrom' })
  publish(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Body() body: PublishStageTemplateDto, @CurrentUser() user?: AuthUser) {
    return this.templates.publish(projectType, body, user?.userId ?? null);
  }

  @Delete(':projectType/versions/:version')
  @CanMaintain()
  @projectTypeParam
  @ApiOperation({ summary: 'Withdraw the latest version before it takes effect' })
  withdraw(@Param('projectType', ProjectTypePipe) projectType: ProjectType, @Param('version', VersionPipe) version: number, @Query() query: ListRegionQuery) {
    return this.templates.withdraw(projectType, query.regionCode, version);
  }
}
