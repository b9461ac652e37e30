import { NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ApprovalItemSnapshot, CatalogItemKind, SupervisionItemSnapshot, VersionMeta } from '@cityworks/contracts';
import type { StateChange, UnitOfWork } from '@cityworks/messaging';
import type { FieldError, Page } from '@cityworks/platform';
import { chinaToday } from '../common/china-today';
import { ColumnSpec, CSV_MEDIA_TYPES, importRefused, invalid, mediaTypeOf, RowError, rowsFromCsv, validateRows } from '@cityworks/platform';
import type { DepartmentsService } from '../departments/departments.service';
import type { RegionsService } from '../regions/regions.service';
import { rowsFromJson, toCsv } from '../import-export/list-file';
import type { ItemRowMetaDto } from './dto/item-row-meta.dto';
import type { AmendMetaDto, CurrentListQuery, ExportQuery, ImportQuery, PublishMetaDto, RetireItemDto } from './dto/version-meta.dto';
import type { ImportResultView } from './dto/version-views';
import { itemChangedEvent, ItemVersion } from './item-changed-event';
import type { ItemListDeps } from './item-list-deps';
import { ListedVersion } from './listed-version.entity';
import { VersionedList, VersionedListConfig } from './versioned-list';

/**
 * What sets one item list's timeline apart from another's. The rest is alike for every item
 * list: a change flags the lower lists following an older version, and goes out as
 * catalog.item-changed.v1.
 */
export interface ItemListSpec<E extends ListedVersion, C extends object> extends Pick<
  VersionedListConfig<E, C>,
  'entity' | 'table' | 'label' | 'contentFields' | 'localFields'
> {
  kind: CatalogItemKind;
}

export interface ImportOptions {
  /** demo data: add what is missing, never a new version of what exists */
  onlyNew?: boolean;
  /** run inside the caller's transaction (whose unit of work nudges the relays after commit) */
  manager?: EntityManager;
  publishedBy?: string | null;
}

export interface ExportFile {
  contentType: string;
  filename: string;
  body: string;
}

export function versionMeta(v: ListedVersion): VersionMeta {
  return {
    code: v.code,
    regionCode: v.regionCode,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    followsVersion: v.followsVersion,
    retired: v.retired,
    changeNote: v.changeNote,
    publishedAt: v.publishedAt.toISOString(),
  };
}

/**
 * An item list (审批事项清单, 监管事项清单) over HTTP: reads "as of" a date with inheritance
 * from upper lists, versions, history, and import/export of whole lists. Subclasses give their
 * list's spec and say what an item holds, which defaults fill in and which references it must keep.
 */
export abstract class ItemListService<
  E extends ItemVersion & ObjectLiteral,
  C extends object,
  F extends object,
  R extends F & ItemRowMetaDto,
  V extends ApprovalItemSnapshot | SupervisionItemSnapshot,
  Q extends CurrentListQuery,
> {
  readonly versions: VersionedList<E, C>;
  abstract readonly columns: ColumnSpec[];
  protected abstract readonly rowDto: new () => R;
  protected readonly dataSource: DataSource;
  protected readonly uow: UnitOfWork;
  protected readonly regions: RegionsService;
  protected readonly departments: DepartmentsService;

  constructor(deps: ItemListDeps, spec: ItemListSpec<E, C>) {
    this.dataSource = deps.dataSource;
    this.uow = deps.uow;
    this.regions = deps.regions;
    this.departments = deps.departments;
    // every change carries the version it is about, as getApprovalItem / getSupervisionItem answer it
    this.versions = new VersionedList({ ...spec, flagsLowerLists: true, event: (facts) => itemChangedEvent(spec.kind, facts, this.toView(facts.version)) });
  }

  abstract toView(version: E): V;
  /** the DTO's fields with defaults filled in, as the version stores them */
  abstract toContent(fields: F): C;
  /** departments, items … the content names must exist */
  protected abstract checkReferences(manager: EntityManager, content: C, regionCode: string): Promise<FieldError[]>;
  protected abstract applyFilters(qb: SelectQueryBuilder<E>, query: Q): void;

  async list(query: Q): Promise<Page<V>> {
    const asOf = query.asOf ?? chinaToday();
    const scope = query.regionCode && !query.ownListOnly ? { chain: await this.chainOf(query.regionCode) } : { regionCode: query.regionCode };
    const [rows, total] = await this.versions.current(this.dataSource.manager, {
      ...scope,
      asOf,
      filter: (qb) => {
        if (query.q) qb.andWhere('v.name ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
        this.applyFilters(qb, query);
      },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map((r) => this.toView(r)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The version that applies in a region on a date: its own list's, else the nearest upper list's. */
  async resolve(code: string, regionCode: string, asOf?: string, manager: EntityManager = this.dataSource.manager): Promise<E> {
    const [[version]] = await this.versions.current(manager, { chain: await this.chainOf(regionCode, manager), asOf: asOf ?? chinaToday(), code });
    if (!version) throw new NotFoundException(`${this.versions.config.label} ${code} is not in force for region ${regionCode} on ${asOf ?? chinaToday()}`);
    return version;
  }

  async get(code: string, regionCode: string, asOf?: string): Promise<V> {
    return this.toView(await this.resolve(code, regionCode, asOf));
  }

  async history(code: string, regionCode: string) {
    const entries = await this.versions.history(this.dataSource.manager, regionCode, code);
    return entries.map((e) => ({ ...this.toView(e.version), status: e.status, effectiveTo: e.effectiveTo, changedFields: e.changedFields }));
  }

  async exactVersion(code: string, regionCode: string, version: number): Promise<V> {
    return this.toView(await this.versions.exactVersion(this.dataSource.manager, regionCode, code, version));
  }

  async publish(code: string, dto: F & PublishMetaDto, publishedBy?: string | null): Promise<V> {
    const content = this.toContent(dto);
    const version = await this.uow.run(async (change) => {
      const { manager } = change;
      await this.versions.lock(manager);
      const input = {
        regionCode: dto.regionCode,
        code,
        effectiveFrom: dto.effectiveFrom,
        followsVersion: dto.followsVersion,
        changeNote: dto.changeNote,
        publishedBy,
        content,
      };
      const errors = [...(await this.versions.checkPublish(manager, input)), ...(await this.checkReferences(manager, content, dto.regionCode))];
      if (errors.length) throw invalid(errors);
      return this.versions.publish(change, input);
    });
    return this.toView(version);
  }

  async amend(code: string, regionCode: string, versionNo: number, dto: F & AmendMetaDto): Promise<V> {
    const content = this.toContent(dto);
    const version = await this.uow.run(async (change) => {
      await this.versions.lock(change.manager);
      const errors = await this.checkReferences(change.manager, content, regionCode);
      if (errors.length) throw invalid(errors);
      return this.versions.amend(change, regionCode, code, versionNo, content, { effectiveFrom: dto.effectiveFrom, changeNote: dto.changeNote });
    });
    return this.toView(version);
  }

  async withdraw(code: string, regionCode: string, versionNo: number): Promise<V> {
    const version = await this.uow.run(async (change) => {
      await this.versions.lock(change.manager);
      return this.versions.withdraw(change, regionCode, code, versionNo);
    });
    return this.toView(version);
  }

  async retire(code: string, dto: RetireItemDto, publishedBy?: string | null): Promise<V> {
    const version = await this.uow.run(async (change) => {
      await this.versions.lock(change.manager);
      return this.versions.retire(change, { regionCode: dto.regionCode, code, effectiveFrom: dto.effectiveFrom, changeNote: dto.changeNote, publishedBy });
    });
    return this.toView(version);
  }

  /**
   * Loads a list from a CSV or JSON file: every row is checked (shape, references, timeline)
   * before anything is written; one bad row refuses the whole file with every error listed.
   * Rows equal to the latest version are skipped, so importing a file twice changes nothing.
   */
  async importFile(query: ImportQuery, body: unknown, contentType: string | undefined, options: ImportOptions = {}): Promise<ImportResultView> {
    const parsed = this.parseFile(body, contentType);
    const { valid, errors } = await validateRows(parsed.rows, this.rowDto);
    errors.unshift(...parsed.errors);
    const seen = new Map<string, number>();
    for (const { row, dto } of valid) {
      const first = seen.get(dto.code);
      const column = parsed.rows.find((r) => r.row === row)?.titles.code ?? 'code';
      if (first !== undefined) errors.push({ row, column, field: 'code', rules: { unique: `code ${dto.code} is already on row ${first}` } });
      else seen.set(dto.code, row);
    }
    const run = async (change: StateChange): Promise<ImportResultView> => {
      const { manager } = change;
      await this.versions.lock(manager);
      const plan: { row: number; dto: R; content: C; outcome: ImportResultView['rows'][number]['outcome']; version?: number }[] = [];
      if (!(await this.regions.chain(query.regionCode, manager))) {
        errors.push({ row: 0, column: 'regionCode', field: 'regionCode', rules: { exists: `regionCode ${query.regionCode} is not a known region` } });
      } else {
        for (const { row, dto } of valid) {
          const content = this.toContent(dto);
          const unchanged = await this.versions.isUnchanged(manager, query.regionCode, dto.code, content, dto.followsVersion ?? null);
          const latest = unchanged ?? (await this.versions.timeline(manager, query.regionCode, dto.code)).at(-1);
          if (unchanged || (options.onlyNew && latest)) {
            plan.push({ row, dto, content, outcome: unchanged ? 'unchanged' : 'kept', version: latest?.version });
            continue;
          }
          const exists = latest !== undefined;
          const input = { regionCode: query.regionCode, code: dto.code, effectiveFrom: query.effectiveFrom, followsVersion: dto.followsVersion };
          const found = [...(await this.versions.checkPublish(manager, input)), ...(await this.checkReferences(manager, content, query.regionCode))];
          errors.push(
            ...found.map((e): RowError => ({
              row,
              column: parsed.rows.find((r) => r.row === row)?.titles[e.field] ?? e.field,
              field: e.field,
              rules: e.rules,
            })),
          );
          plan.push({ row, dto, content, outcome: exists ? 'new-version' : 'created' });
        }
      }
      if (errors.length) throw importRefused(errors);
      for (const step of plan.filter((p) => p.outcome === 'created' || p.outcome === 'new-version')) {
        const version = await this.versions.publish(change, {
          regionCode: query.regionCode,
          code: step.dto.code,
          effectiveFrom: query.effectiveFrom,
          followsVersion: step.dto.followsVersion,
          changeNote: step.dto.changeNote,
          publishedBy: options.publishedBy,
          content: step.content,
        });
        step.version = version.version;
      }
      const rows = plan.map((p) => ({ row: p.row, code: p.dto.code, version: p.version ?? 0, outcome: p.outcome }));
      return {
        regionCode: query.regionCode,
        effectiveFrom: query.effectiveFrom,
        published: rows.filter((r) => r.outcome === 'created' || r.outcome === 'new-version').length,
        unchanged: rows.length - rows.filter((r) => r.outcome === 'created' || r.outcome === 'new-version').length,
        rows,
      };
    };
    if (errors.length && parsed.rows.length === 0) throw importRefused(errors);
    return options.manager ? this.uow.runIn(options.manager, run) : this.uow.run(run);
  }

  /** A list's own items in force on a date, in the format import takes back. */
  async export(query: ExportQuery): Promise<ExportFile> {
    await this.chainOf(query.regionCode);
    const asOf = query.asOf ?? chinaToday();
    const [rows] = await this.versions.current(this.dataSource.manager, { regionCode: query.regionCode, asOf });
    const items = rows.map((r) => this.toView(r) as Record<string, unknown>);
    const filename = `${this.versions.config.kind}s-${query.regionCode}-${asOf}`;
    if (query.format === 'json') {
      return {
        contentType: 'application/json; charset=utf-8',
        filename: `${filename}.json`,
        body: JSON.stringify({ kind: this.versions.config.kind, regionCode: query.regionCode, asOf, items }, null, 2),
      };
    }
    return { contentType: 'text/csv; charset=utf-8', filename: `${filename}.csv`, body: toCsv(items, this.columns, query.headers ?? 'en') };
  }

  protected async chainOf(regionCode: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const chain = await this.regions.chain(regionCode, manager);
    if (!chain) throw new NotFoundException(`region ${regionCode} not found`);
    return chain;
  }

  private parseFile(body: unknown, contentType: string | undefined) {
    const type = mediaTypeOf(contentType);
    if (type === 'application/json') return rowsFromJson(body, this.columns);
    if (CSV_MEDIA_TYPES.includes(type)) {
      return rowsFromCsv(typeof body === 'string' ? body : '', this.columns);
    }
    throw new UnsupportedMediaTypeException('send the list as text/csv or application/json');
  }
}
