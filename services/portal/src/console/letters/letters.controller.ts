import { Controller, Get, Param, ParseUUIDPipe, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { UPSTREAM_ERRORS, UpstreamClient } from '../../upstream/upstream-client';
import { CONSOLE_ROLES } from '../../session/session.dto';
import { bearerOf } from '../../session/session-cookie';
import type { LetterSummary, Page } from '../overview/upstream-shapes';
import { LettersQuery } from './letters.query';
import { LetterRowPageView, LetterRowView } from './letter-row.view';

/** 函件: supervision's letters the user may read, and each one's PDF shown inline. */
@ApiTags('console')
@Controller('api/letters')
export class LettersController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Get()
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({ summary: '提醒函 / 督办函 the user may read, filtered and paged at supervision' })
  @ApiOkResponse({ type: LetterRowPageView })
  @ApiErrors(400, 401, [403, 'the service refuses the user’s role'], ...UPSTREAM_ERRORS)
  async list(@Req() req: Request, @Query() query: LettersQuery): Promise<LetterRowPageView> {
    const page = await this.upstream.json<Page<LetterSummary>>('supervision', '/letters', { token: bearerOf(req), query: { ...query } });
    return { ...page, items: page.items.map(row) };
  }

  @Get(':id/pdf')
  @RequireRoles(...CONSOLE_ROLES)
  @ApiOperation({ summary: 'the letter as issued (PDF), to show inline' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 404, [403, 'the service refuses the user’s role'], ...UPSTREAM_ERRORS)
  async pdf(@Req() req: Request, @Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const file = await this.upstream.file('supervision', `/letters/${id}/pdf`, { token: bearerOf(req) });
    return new StreamableFile(file.body, { type: 'application/pdf', disposition: `inline; filename="letter-${id}.pdf"` });
  }
}

function row(l: LetterSummary): LetterRowView {
  return {
    id: l.id,
    number: l.number,
    kind: l.kind,
    status: l.status,
    addresseeCode: l.addressee.departmentCode,
    addressee: l.addressee.name,
    title: l.obligation.title,
    projectCode: l.obligation.projectCode,
    missedDueAt: l.missedDueAt,
    replyDueAt: l.replyDueAt,
    issuedAt: l.issuedAt,
    repliedAt: l.repliedAt,
    late: l.late,
  };
}
