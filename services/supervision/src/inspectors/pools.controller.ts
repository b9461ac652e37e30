import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { PoolsService } from './pools.service';
import { ListPoolQuery, RegisterPoolMemberDto, RelativeRelationDto } from './dto/pool-member.dto';
import { PoolMemberPageView, PoolMemberView } from './views/pool-member.view';

const READERS = [Roles.supervisionOfficer, Roles.inspector, Roles.reformOffice, Roles.auditor];
const REGISTRARS = [Roles.supervisionOfficer, Roles.reformOffice];

@ApiTags('inspection pools')
@ApiBearerAuth()
@Controller('inspectors')
export class InspectorsController {
  constructor(private readonly pools: PoolsService) {}

  @Post()
  @RequireRoles(...REGISTRARS)
  @ApiOperation({ summary: '执法人员库: register an inspector with their 执法证号, specialties and 回避 facts (employer, relatives)' })
  @ApiCreatedResponse({ type: PoolMemberView })
  @ApiErrors(400, [403, 'another department’s inspector'], [409, 'the 执法证号 is registered already'], [422, 'no departmentCode'])
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterPoolMemberDto): Promise<PoolMemberView> {
    return this.pools.register(user, 'inspector', body);
  }

  @Get()
  @RequireRoles(...READERS)
  @ApiOkResponse({ type: PoolMemberPageView })
  @ApiErrors(400)
  list(@Query() query: ListPoolQuery): Promise<PoolMemberPageView> {
    return this.pools.list('inspector', query);
  }

  @Post(':id/relatives')
  @RequireRoles(...REGISTRARS)
  @ApiOperation({ summary: '回避: record a relative relation between the inspector and a subject' })
  @ApiCreatedResponse({ type: PoolMemberView })
  @ApiErrors(400, [403, 'another department’s inspector'], 404, [422, 'blank relation'])
  addRelative(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RelativeRelationDto): Promise<PoolMemberView> {
    return this.pools.addRelative(user, 'inspector', id, body);
  }
}

@ApiTags('inspection pools')
@ApiBearerAuth()
@Controller('experts')
export class ExpertsController {
  constructor(private readonly pools: PoolsService) {}

  @Post()
  @RequireRoles(...REGISTRARS)
  @ApiOperation({ summary: '专家库: register an expert with certificate number, specialties, employer and relatives (回避)' })
  @ApiCreatedResponse({ type: PoolMemberView })
  @ApiErrors(400, [403, 'another department named'], [409, 'the certificate number is registered already'])
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterPoolMemberDto): Promise<PoolMemberView> {
    return this.pools.register(user, 'expert', body);
  }

  @Get()
  @RequireRoles(...READERS)
  @ApiOkResponse({ type: PoolMemberPageView })
  @ApiErrors(400)
  list(@Query() query: ListPoolQuery): Promise<PoolMemberPageView> {
    return this.pools.list('expert', query);
  }

  @Post(':id/relatives')
  @RequireRoles(...REGISTRARS)
  @ApiOperation({ summary: '回避: record a relative relation between the expert and a subject' })
  @ApiCreatedResponse({ type: PoolMemberView })
  @ApiErrors(400, [403, 'an expert of another department'], 404, [422, 'blank relation'])
  addRelative(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: RelativeRelationDto): Promise<PoolMemberView> {
    return this.pools.addRelative(user, 'expert', id, body);
  }
}
