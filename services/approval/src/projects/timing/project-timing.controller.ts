import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { ProjectCodePipe } from '../project-code.pipe';
import { ProjectTimingView } from '../views/project-timing.view';
import { ProjectTimingService } from './project-timing.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectTimingController {
  constructor(private readonly timing: ProjectTimingService) {}

  @Get(':code/timing')
  @RequireRoles(Roles.approvalOfficer, Roles.supervisionOfficer)
  @ApiParam({ name: 'code', description: '项目代码', schema: ProjectCodePipe.openApi })
  @ApiOperation({
    summary:
      '办理用时 of a project: per stage its applications, first acceptance, last decision, elapsed and used working days; 全流程 from the first acceptance to the 竣工验收 decision (or today)',
  })
  @ApiOkResponse({ type: ProjectTimingView })
  @ApiErrors(400, [404, 'no such project, or it is in a region the caller may not see'])
  get(@CurrentUser() user: AuthUser, @Param('code', ProjectCodePipe) code: string): Promise<ProjectTimingView> {
    return this.timing.timing(user, code);
  }
}
