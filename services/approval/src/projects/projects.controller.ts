import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { ProjectsService } from './projects.service';
import { ProjectCodePipe } from './project-code.pipe';
import { RegisterProjectDto } from './dto/register-project.dto';
import { ProjectFactsDto } from './dto/project-facts.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectPage, ProjectPageView, ProjectView } from './views/project.view';

const codeParam = ApiParam({ name: 'code', description: '项目代码', schema: ProjectCodePipe.openApi });

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @RequireRoles(Roles.approvalOfficer)
  @ApiOperation({ summary: 'register a project (工程建设项目) of your region with the facts known so far' })
  @ApiCreatedResponse({ type: ProjectView })
  @ApiErrors(
    400,
    [403, "the token's roles may not call this operation, or the project's region is not the caller's"],
    [409, 'a project with this code is already registered'],
  )
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterProjectDto): Promise<ProjectView> {
    return this.projects.register(user, body);
  }

  @Get()
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer)
  @ApiOperation({ summary: 'projects of your region (all regions for the 工改办 and auditors), by type, region and owner' })
  @ApiOkResponse({ type: ProjectPageView })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListProjectsQuery): Promise<ProjectPage> {
    return this.projects.list(user, query);
  }

  @Get(':code')
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer)
  @codeParam
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors(400, [404, 'no such project, or it is in a region the caller may not see'])
  get(@CurrentUser() user: AuthUser, @Param('code', ProjectCodePipe) code: string): Promise<ProjectView> {
    return this.projects.get(user, code);
  }

  @Put(':code/facts')
  @RequireRoles(Roles.approvalOfficer)
  @codeParam
  @ApiOperation({ summary: "replace the project's facts with what is known now (a fact left out becomes unknown); until the project is closed" })
  @ApiOkResponse({ type: ProjectView })
  @ApiErrors(400, [404, 'no such project, or it is in a region the caller may not see'], [409, 'the project is closed (竣工验收); its facts no longer change'])
  updateFacts(@CurrentUser() user: AuthUser, @Param('code', ProjectCodePipe) code: string, @Body() body: ProjectFactsDto): Promise<ProjectView> {
    return this.projects.updateFacts(user, code, body);
  }
}
