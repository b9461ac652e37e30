import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Role, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, pageViewOf, RequireRoles } from '@cityworks/platform';
import { LettersService } from './letters.service';
import { ListLettersQuery } from './dto/list-letters.query';
import { LetterReplyDto } from './dto/letter-reply.dto';
import { LetterView } from './views/letter.view';

/** Letters go to departments of every kind: whoever works for the addressee reads and answers them. */
const DEPARTMENT_ROLES: Role[] = [Roles.approvalOfficer, Roles.supervisionOfficer, Roles.inspector, Roles.creditOfficer, Roles.complaintHandler];

@ApiTags('letters')
@ApiBearerAuth()
@Controller('letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @RequireRoles(...DEPARTMENT_ROLES)
  @ApiOperation({ summary: '提醒函 / 督办函 addressed to your department (the 工改办 and auditors: all), newest first; days are China days, both included' })
  @ApiOkResponse({ type: pageViewOf(LetterView) })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListLettersQuery) {
    return this.letters.list(user, query);
  }

  @Get(':id')
  @RequireRoles(...DEPARTMENT_ROLES)
  @ApiOkResponse({ type: LetterView })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<LetterView> {
    return this.letters.get(user, id);
  }

  @Get(':id/pdf')
  @RequireRoles(...DEPARTMENT_ROLES)
  @ApiOperation({ summary: 'The letter as issued: a PDF in Chinese, laid out after GB/T 9704 (the bytes stored at issue, never re-rendered)' })
  // errors stay JSON (ErrorBody): only the 200 is a PDF, so no @ApiProduces for the whole operation
  @ApiOkResponse({ description: 'the PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(404)
  async pdf(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const document = await this.letters.document(user, id);
    return new StreamableFile(document.content, {
      type: document.mediaType,
      length: document.content.length,
      // ASCII name for old clients, the 文号 for the rest (RFC 6266)
      disposition: `inline; filename="letter-${id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${document.number}.pdf`)}`,
    });
  }

  @Post(':id/receipt')
  @RequireRoles(...DEPARTMENT_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '签收: the addressee department marks the letter received, once' })
  @ApiOkResponse({ type: LetterView })
  @ApiErrors(404, [403, 'only the addressee department receives the letter'], [409, 'the letter was already received or answered'])
  receive(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<LetterView> {
    return this.letters.receive(user, id);
  }

  @Post(':id/reply')
  @RequireRoles(...DEPARTMENT_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '书面回复: the addressee department answers, once (late or not); attachments by reference' })
  @ApiOkResponse({ type: LetterView })
  @ApiErrors(400, 404, [403, 'only the addressee department answers the letter'], [409, 'the letter was already answered'], [422, 'the reply text is blank'])
  reply(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: LetterReplyDto): Promise<LetterView> {
    return this.letters.reply(user, id, body);
  }
}
