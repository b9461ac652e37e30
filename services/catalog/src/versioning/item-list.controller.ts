import { Body, Delete, Get, Headers, HttpCode, Inject, Param, Post, Put, Query, Res, Type } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '@cityworks/contracts';
import { ApiErrors, ApiRequestContent, CurrentUser, pageViewOf } from '@cityworks/platform';
import { CanMaintain, CanRead } from '../common/access';
import { CodePipe, VersionPipe } from '../common/pipes';
import { importContent } from '../import-export/import-body.schema';
import { AmendMetaDto, AsOfQuery, CurrentListQuery, ExportQuery, ImportQuery, ListRegionQuery, PublishMetaDto, RetireItemDto } from './dto/version-meta.dto';
import { ImportResultView } from './dto/version-views';
import type { ExportFile, ImportOptions } from './item-list.service';

/**
 * What the routes call on any item list's service (every ItemListService has it): the routes
 * only pass requests on, typed by the classes below.
 */
interface AnyItemListService {
  list(query: CurrentListQuery): Promise<unknown>;
  export(query: ExportQuery): Promise<ExportFile>;
  importFile(query: ImportQuery, body: unknown, contentType: string | undefined, options?: ImportOptions): Promise<ImportResultView>;
  get(code: string, regionCode: string, asOf?: string): Promise<unknown>;
  history(code: string, regionCode: string): Promise<unknown>;
  exactVersion(code: string, regionCode: string, version: number): Promise<unknown>;
  publish(code: string, dto: PublishMetaDto, publishedBy?: string | null): Promise<unknown>;
  amend(code: string, regionCode: string, versionNo: number, dto: AmendMetaDto): Promise<unknown>;
  withdraw(code: string, regionCode: string, versionNo: number): Promise<unknown>;
  retire(code: string, dto: RetireItemDto, publishedBy?: string | null): Promise<unknown>;
}

/** What sets one item list's routes apart: its service, and the classes its requests and answers take. */
export interface ItemListRoutes {
  service: Type<AnyItemListService>;
  /** e.g. 审批事项清单, which opens the summary of GET / */
  listName: string;
  listQuery: Type<CurrentListQuery>;
  publishDto: Type<PublishMetaDto>;
  amendDto: Type<AmendMetaDto>;
  /** one row of an imported file */
  rowDto: Type<unknown>;
  view: Type<unknown>;
  historyView: Type<unknown>;
}

/**
 * The HTTP routes every item list (审批事项清单, 监管事项清单) has: reads as of a date, the
 * timeline of versions, import and export. A function rather than a plain base class because
 * the Swagger decorators and the validation need the list's own DTO and view classes. Extend
 * its result with @ApiTags and @Controller(route); operation ids take the subclass's name.
 */
export function itemListController(routes: ItemListRoutes) {
  const { view } = routes;

  abstract class ItemListController {
    constructor(@Inject(routes.service) protected readonly items: AnyItemListService) {}

    @Get()
    @CanRead()
    @ApiOkResponse({ type: pageViewOf(view) })
    @ApiErrors(400, [404, 'regionCode names no region'])
    @ApiOperation({ summary: `${routes.listName} as of a date: a region's items (own list first, the rest inherited), filtered and paged` })
    list(@Query() @ParamClass(routes.listQuery) query: CurrentListQuery) {
      return this.items.list(query);
    }

    @Get('export')
    @CanRead()
    @ApiProduces('text/csv', 'application/json')
    @ApiOkResponse({
      description: "the list's own items in force on asOf, in the form import takes back",
      content: {
        'text/csv': { schema: { type: 'string' } },
        'application/json': {
          schema: {
            type: 'object',
            required: ['kind', 'regionCode', 'asOf', 'items'],
            properties: {
              kind: { type: 'string' },
              regionCode: { type: 'string' },
              asOf: { type: 'string', format: 'date' },
              items: { type: 'array', items: { type: 'object' } },
            },
          },
        },
      },
    })
    @ApiErrors(400, [404, 'regionCode names no region'])
    @ApiOperation({ summary: "Export a region's own list as of a date, as CSV (spreadsheet) or JSON, in the form import takes back" })
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
    @ApiExtraModels(routes.rowDto)
    @ApiRequestContent(importContent(routes.rowDto))
    @ApiOkResponse({ type: ImportResultView })
    @ApiErrors(400, [415, 'the body is neither text/csv nor application/json'])
    @ApiOperation({
      summary:
        'Import a list from CSV or JSON: rows that differ become new versions effective on effectiveFrom; a file with any bad row is refused whole (400 listing row, column and rule of every error) and nothing is written',
    })
    import(@Query() query: ImportQuery, @Body() body: unknown, @Headers('content-type') contentType: string | undefined, @CurrentUser() user?: AuthUser) {
      return this.items.importFile(query, body, contentType, { publishedBy: user?.userId ?? null });
    }

    @Get(':code')
    @CanRead()
    @ApiOkResponse({ type: view })
    @ApiErrors(400, 404)
    @ApiOperation({ summary: 'The version in force for a region on a date (inherited from the upper list when the region has none)' })
    get(@Param('code', CodePipe) code: string, @Query() query: AsOfQuery) {
      return this.items.get(code, query.regionCode, query.asOf);
    }

    @Get(':code/history')
    @CanRead()
    @ApiOkResponse({ type: [routes.historyView] })
    @ApiErrors(400, 404)
    @ApiOperation({ summary: 'Every version of the item in one list: status, validity and what changed' })
    history(@Param('code', CodePipe) code: string, @Query() query: ListRegionQuery) {
      return this.items.history(code, query.regionCode);
    }

    @Get(':code/versions/:version')
    @CanRead()
    @ApiOkResponse({ type: view })
    @ApiErrors(400, 404)
    version(@Param('code', CodePipe) code: string, @Param('version', VersionPipe) version: number, @Query() query: ListRegionQuery) {
      return this.items.exactVersion(code, query.regionCode, version);
    }

    @Post(':code/versions')
    @CanMaintain()
    @ApiCreatedResponse({ type: view })
    @ApiErrors(400, 409)
    @ApiOperation({
      summary: 'Publish a version (the first creates the item); lower lists following an older version are flagged and catalog.item-changed.v1 goes out',
    })
    publish(@Param('code', CodePipe) code: string, @Body() @ParamClass(routes.publishDto) body: PublishMetaDto, @CurrentUser() user?: AuthUser) {
      return this.items.publish(code, body, user?.userId ?? null);
    }

    @Put(':code/versions/:version')
    @CanMaintain()
    @ApiOkResponse({ type: view })
    @ApiErrors(400, 404, [409, 'the version is in force, or retires the item'])
    @ApiOperation({ summary: 'Amend a version that has not taken effect yet (409 once it is in force)' })
    amend(
      @Param('code', CodePipe) code: string,
      @Param('version', VersionPipe) version: number,
      @Query() query: ListRegionQuery,
      @Body() @ParamClass(routes.amendDto) body: AmendMetaDto,
    ) {
      return this.items.amend(code, query.regionCode, version, body);
    }

    @Delete(':code/versions/:version')
    @CanMaintain()
    @ApiOkResponse({ type: view })
    @ApiErrors(400, 404, [409, 'the version is in force, has later versions, or lower lists follow it'])
    @ApiOperation({ summary: 'Withdraw the latest version before it takes effect (409 once it is in force)' })
    withdraw(@Param('code', CodePipe) code: string, @Param('version', VersionPipe) version: number, @Query() query: ListRegionQuery) {
      return this.items.withdraw(code, query.regionCode, version);
    }

    @Post(':code/retire')
    @CanMaintain()
    @ApiCreatedResponse({ type: view })
    @ApiErrors(400, 404, [409, 'the item is already retired in the list'])
    @ApiOperation({ summary: '事项取消: a version from which the item no longer applies in the list' })
    retire(@Param('code', CodePipe) code: string, @Body() body: RetireItemDto, @CurrentUser() user?: AuthUser) {
      return this.items.retire(code, body, user?.userId ?? null);
    }
  }

  return ItemListController;
}

/**
 * Names the class of a request parameter. TypeScript records the declared type of each
 * parameter (`design:paramtypes`); Nest validates against that class and Swagger documents it.
 * Declared here is only the shared base (e.g. PublishMetaDto), which knows none of the list's
 * own fields: validation would refuse them as unknown and /docs would leave them out.
 * Parameter decorators run after TypeScript has recorded the types, so this one has the last word.
 */
function ParamClass(type: Type<unknown>) {
  return (target: object, method: string | symbol, index: number): void => {
    const types: unknown[] = [...(Reflect.getMetadata('design:paramtypes', target, method) ?? [])];
    types[index] = type;
    Reflect.defineMetadata('design:paramtypes', types, target, method);
  };
}
