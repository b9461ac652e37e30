import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, RequireRoles } from '@cityworks/platform';
import { PublicationsService } from './publications.service';
import {
  CompletePublicationDto,
  ExportPublicationsQuery,
  ListPublicationsQuery,
  PublicationExportView,
  PublicationPage,
  PublicationView,
} from './dto/publication.dto';

/** who reads publications: the deciding departments' desks see their own, auditors all */
const READERS = [Roles.creditOfficer, Roles.approvalOfficer, Roles.supervisionOfficer, Roles.auditor, Roles.system];

@ApiTags('publications')
@ApiBearerAuth()
@ApiExtraModels(PublicationExportView)
@Controller('publications')
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get()
  @RequireRoles(...READERS)
  @ApiOperation({ summary: '双公示 to make and made, your department’s (all for auditors and the 工改办), soonest deadline first' })
  @ApiOkResponse({ type: PublicationPage })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: ListPublicationsQuery): Promise<PublicationPage> {
    return this.publications.list(user, query);
  }

  // before :id, which would take "export" for an id
  @Get('export')
  @RequireRoles(...READERS)
  @ApiOperation({
    summary: 'published 行政许可 or 行政处罚 decisions of a period in the national field shape, as JSON or CSV',
    description: 'Columns (CSV) and keys (JSON) are the national titles: 行政相对人名称, 统一社会信用代码, 法定代表人, then per kind (see the credit README).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ content: { 'application/json': { schema: { $ref: getSchemaPath(PublicationExportView) } }, 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400)
  async export(@CurrentUser() user: AuthUser, @Query() query: ExportPublicationsQuery, @Res({ passthrough: true }) res: Response) {
    const file = await this.publications.export(user, query);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${file.filename}`);
    return file.body;
  }

  @Get(':id')
  @RequireRoles(...READERS)
  @ApiOkResponse({ type: PublicationView })
  @ApiErrors(400, [404, 'no such publication in your department'])
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<PublicationView> {
    return this.publications.get(user, id);
  }

  @Patch(':id')
  @RequireRoles(Roles.creditOfficer, Roles.system)
  @ApiOperation({ summary: '补全: complete or correct the national fields before publishing (null clears one)' })
  @ApiOkResponse({ type: PublicationView })
  @ApiErrors(
    400,
    [403, 'the publication is another department’s'],
    [404, 'no such publication in your department'],
    [409, 'already published'],
    [422, 'a field of the other kind, or validTo before validFrom'],
  )
  complete(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CompletePublicationDto): Promise<PublicationView> {
    return this.publications.complete(user, id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequireRoles(Roles.creditOfficer, Roles.system)
  @ApiOperation({ summary: '公示: publish the decision; it goes on the public register and its ladder stops' })
  @ApiOkResponse({ type: PublicationView })
  @ApiErrors(
    400,
    [403, 'the publication is another department’s'],
    [404, 'no such publication in your department'],
    [409, 'already published'],
    [422, 'a national field publication needs is empty'],
  )
  publish(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<PublicationView> {
    return this.publications.publish(user, id);
  }
}
