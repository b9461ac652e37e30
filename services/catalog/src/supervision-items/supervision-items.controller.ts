import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '@cityworks/contracts';
import { CurrentUser } from '@cityworks/platform';
import { CanMaintain, CanRead } from '../common/access';
import { CodePipe, VersionPipe } from '../common/pipes';
import { AsOfQuery, ExportQuery, ImportQuery, ListRegionQuery, RetireItemDto } from '../versioning/dto/version-meta.dto';
import { ImportResultView } from '../versioning/dto/version-views';
import { importBodySchema } from '../import-export/import-body.schema';
import { SupervisionItemsService } from './supervision-items.service';
import { AmendSupervisionItemDto, ListSupervisionItemsQuery, PublishSupervisionItemDto } from './dto/supervision-item-requests.dto';
import { SupervisionItemHistoryView, SupervisionItemView } from './dto/supervision-item.view';

@ApiTags('supervision-items')
@Controller('supervision-items')
export class SupervisionItemsController {
  constructor(private readonly items: SupervisionItemsService) {}

  @Get()
  @CanRead()
  @ApiOperation({ summary: '监管事项清单 as of a date: a region\'s items (own list first, the rest inherited), filtered and paged' })
  list(@Query() query: ListSupervisionItemsQuery) {
    return this.items.list(query);
  }

  @Get('export')
  @CanRead()
  @ApiProduces('text/csv', 'application/json')
  @ApiOperation({ summary: 'Export a region\'s own list as of a date, as CSV (spreadsheet) or JSON, in the form import takes back' })
  async export(@Query() query: ExportQuery, @Res({ passthrough: true }) res: Response) {
    const file = await this.items.export(query);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  @Post('import')
  @CanMaintain()
  @HttpCode(200)
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody(importBodySchema)
  @ApiOkResponse({ type: ImportResultView })
  @ApiOperation({
    summary: 'Import a list from CSV or JSON: rows that differ become new versions effective on effectiveFrom; a file with any bad row is refused whole (400 listing row, column and rule of every error) and nothing is written',
  })
  import(@Query() query: ImportQuery, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @CurrentUser() user?: AuthUser) {
    return this.items.importFile(query, body, contentType, { publishedBy: user?.userId ?? null });
  }

  @Get(':code')
  @CanRead()
  @ApiOkResponse({ type: SupervisionItemView })
  @ApiOperation({ summary: 'The version in force for a region on a date (inherited from the upper list when the region has none)' })
  get(@Param('code', CodePipe) code: string, @Query() query: AsOfQuery) {
    return this.items.get(code, query.regionCode, query.asOf);
  }

  @Get(':code/history')
  @CanRead()
  @ApiOkResponse({ type: [SupervisionItemHistoryView] })
  @ApiOperation({ summary: 'Every version of the item in one list: status, validity and what changed' })
  history(@Param('code', CodePipe) code: string, @Query() query: ListRegionQuery) {
    return this.items.history(code, query.regionCode);
  }

  @Get(':code/versions/:version')
  @CanRead()
  @ApiOkResponse({ type: SupervisionItemView })
  version(@Param('code', CodePipe) code: string, @Param('version', VersionPipe) version: number, @Query() query: ListRegionQuery) {
    return this.items.exactVersion(code, query.regionCode, version);
  }

  @Post(':code/versions')
  @CanMaintain()
  @ApiCreatedResponse({ type: SupervisionItemView })
  @ApiOperation({ summary: 'Publish a version (the first creates the item); lower lists following an older version are flagged and catalog.item-changed.v1 goes out' })
  publish(@Param('code', CodePipe) code: string, @Body() body: PublishSupervisionItemDto, @CurrentUser() user?: AuthUser) {
    return this.items.publish(code, body, user?.userId ?? null);
  }

  @Put(':code/versions/:version')
  @CanMaintain()
  @ApiOkResponse({ type: SupervisionItemView })
  @ApiOperation({ summary: 'Amend a version that has not taken effect yet (409 once it is in force)' })
  amend(@Param('code', CodePipe) code: string, @Param('version', VersionPipe) version: number, @Query() query: ListRegionQuery, @Body() body: AmendSupervisionItemDto) {
    return this.items.amend(code, query.regionCode, version, body);
  }

  @Delete(':code/versions/:version')
  @CanMaintain()
  @ApiOkResponse({ type: SupervisionItemView })
  @ApiOperation({ summary: 'Withdraw the latest version before it takes effect (409 once it is in force)' })
  withdraw(@Param('code', CodePipe) code: string, @Param('version', VersionPipe) version: number, @Query() query: ListRegionQuery) {
    return this.items.withdraw(code, query.regionCode, version);
  }

  @Post(':code/retire')
  @CanMaintain()
  @ApiCreatedResponse({ type: SupervisionItemView })
  @ApiOperation({ summary: '事项取消: a version from which the item no longer applies in the list' })
  retire(@Param('code', CodePipe) code: string, @Body() body: RetireItemDto, @CurrentUser() user?: AuthUser) {
    return this.items.retire(code, body, user?.userId ?? null);
  }
}
