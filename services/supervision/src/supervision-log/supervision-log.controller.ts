import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { SupervisionLogService } from './supervision-log.service';
import { AppendLogEntryDto } from './dto/append-log-entry.dto';
import { LogEntryView, SupervisionLogView } from './views/log-entry.view';

@ApiTags('supervision-log')
@ApiBearerAuth()
@Controller('supervision-actions')
export class SupervisionLogController {
  constructor(private readonly log: SupervisionLogService) {}

  @Post(':id/log')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOperation({
    summary: '监管日志: append one step of the action, with attachments by reference (name, SHA-256, size)',
    description: 'Append-only: an entry is never changed or removed; a correction is a new entry.',
  })
  @ApiCreatedResponse({ type: LogEntryView })
  @ApiErrors(400, [403, 'not the action’s department'], 404, [422, 'a step in the future, other without a note, a file listed twice'])
  append(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AppendLogEntryDto): Promise<LogEntryView> {
    return this.log.append(user, id, body);
  }

  @Get(':id/log')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector)
  @ApiOperation({ summary: '监管日志 of an action, in the order appended' })
  @ApiOkResponse({ type: SupervisionLogView })
  @ApiErrors(404)
  read(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<SupervisionLogView> {
    return this.log.read(user, id);
  }
}
