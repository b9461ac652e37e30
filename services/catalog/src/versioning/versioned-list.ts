import { ConflictException, NotFoundException } from '@nestjs/common';
import { DeepPartial, EntityManager, FindOptionsOrder, FindOptionsWhere, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { randomUUID } from 'node:crypto';
import { CatalogChange, NewIntegrationEvent, Topics, VersionStatus } from '@cityworks/contracts';
import type { StateChange } from '@cityworks/messaging';
import type { FieldError } from '@cityworks/platform';
import { chinaToday } from '../common/china-today';
import { fieldError, invalid } from '@cityworks/platform';
import { Region } from '../regions/region.entity';
import { ListedVersion } from './listed-version.entity';
import { LowerListFlags } from './lower-list-flags';
import { canonicalJson } from '@cityworks/platform';

export type ListKind = 'approval-item' | 'supervision-item' | 'stage-template';

export interface ChangeFacts<E> {
  version: E;
  change: CatalogChange;
  changedFields: string[];
  /** lower lists with an open adjustment flag for this item after the change */
  flaggedRegionCodes: string[];
}

export interface VersionedListConfig<E extends ListedVersion, C extends object> {
  kind: ListKind;
  entity: new () => E;
  table: string;
  /** what the list is called in messages, e.g. 审批事项 */
  label: string;
  /** the fields a version carries besides its place in the timeline */
  contentFields: readonly (keyof C & keyof E & string)[];
  /** when this list changes, lower lists following it are flagged (动态调整) */
  flagsLowerLists: boolean;
  /** fields a lower list keeps when it adopts the upper version (its own departments) */
  localFields?: readonly (keyof C & keyof E & string)[];
  /**
   * the event announcing a change, built from the version it is about (after the change; the
   * withdrawn version for a withdrawal): item lists send catalog.item-changed.v1 with that
   * version's snapshot, so other services keep their own copy (item-list.service.ts)
   */
  event(facts: ChangeFacts<E>): NewIntegrationEvent;
}

export interface PublishInput<C> {
  regionCode: string;
  code: string;
  effectiveFrom: string;
  followsVersion?: number | null;
  changeNote?: string | null;
  publishedBy?: string | null;
  retired?: boolean;
  content: C;
}

export interface HistoryEntry<E> {
  version: E;
  status: VersionStatus;
  /** the day the next version takes effect; null while this one is the latest */
  effectiveTo: string | null;
  changedFields: string[];
}

export interface CurrentQuery<E extends ObjectLiteral> {
  asOf: string;
  /** the region and those above it, nearest first: a lower list inherits what it does not list */
  chain?: string[];
  /** one list only, nothing inherited */
  regionCode?: string;
  code?: string;
  filter?: (qb: SelectQueryBuilder<E>) => void;
  skip?: number;
  take?: number;
}

/**
 * The timeline of items in regional lists: versions are appended with a date they take effect,
 * never rewritten once effective; reads pick the version in force on a date. Every change is
 * an outbox event, and lower lists that follow an older version get flagged.
 * Callers run each write inside a unit of work (its audit entry and event commit with the data).
 */
export class VersionedList<E extends ListedVersion & ObjectLiteral, C extends object> {
  private readonly flags: LowerListFlags<E>;

  constructor(readonly config: VersionedListConfig<E, C>) {
    this.flags = new LowerListFlags(config);
  }

  /** Serialises the writers of one kind of list: version numbers and flags stay consistent. */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`catalog:${this.config.kind}`]);
  }

  async timeline(manager: EntityManager, regionCode: string, code: string): Promise<E[]> {
    return manager.find(this.config.entity, { where: { regionCode, code } as FindOptionsWhere<E>, order: { version: 'ASC' } as FindOptionsOrder<E> });
  }

  /** Rules of the timeline a new version must keep; field names are those of the request. */
  async checkPublish(manager: EntityManager, input: Omit<PublishInput<C>, 'content'>): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const region = await manager.findOne(Region, { where: { code: input.regionCode } });
    if (!region) return [fieldError('regionCode', 'exists', `regionCode ${input.regionCode} is not a known region`)];
    const latest = (await this.timeline(manager, input.regionCode, input.code)).at(-1);
    const today = chinaToday();
    // a first version may record when an existing list was published; later ones only add to the future
    if (latest && input.effectiveFrom <= latest.effectiveFrom) {
      errors.push(
        fieldError(
          'effectiveFrom',
          'afterLatestVersion',
          `effectiveFrom must be after ${latest.effectiveFrom}, when version ${latest.version} of ${input.code} takes effect`,
        ),
      );
    } else if (latest && input.effectiveFrom < today) {
      errors.push(fieldError('effectiveFrom', 'notInPast', `effectiveFrom must not be before today (${today}): what was in force cannot change`));
    }
    if (input.followsVersion != null) {
      if (!region.parentCode) {
        errors.push(fieldError('followsVersion', 'hasUpperList', `region ${input.regionCode} has no upper list to follow`));
      } else if (
        !(await manager.exists(this.config.entity, {
          where: { regionCode: region.parentCode, code: input.code, version: input.followsVersion } as FindOptionsWhere<E>,
        }))
      ) {
        errors.push(
          fieldError('followsVersion', 'upperVersionExists', `the list of ${region.parentCode} has no version ${input.followsVersion} of ${input.code}`),
        );
      }
    }
    return errors;
  }

  /** Appends a version (checked first); the caller holds {@link lock}. */
  async publish(change: StateChange, input: PublishInput<C>): Promise<E> {
    const { manager } = change;
    const errors = await this.checkPublish(manager, input);
    if (errors.length) throw invalid(errors);
    const previous = (await this.timeline(manager, input.regionCode, input.code)).at(-1);
    const version = manager.create(this.config.entity, {
      ...this.pickContent(input.content),
      id: randomUUID(),
      code: input.code,
      regionCode: input.regionCode,
      version: (previous?.version ?? 0) + 1,
      effectiveFrom: input.effectiveFrom,
      followsVersion: input.followsVersion ?? null,
      retired: input.retired ?? false,
      changeNote: input.changeNote ?? null,
      publishedAt: new Date(),
      publishedBy: input.publishedBy ?? null,
      amendedAt: null,
    } as DeepPartial<E>);
    await manager.insert(this.config.entity, version as QueryDeepPartialEntity<E>);
    await this.announce(change, version, input.retired ? 'retired' : 'published', this.changedFields(previous, version));
    return version;
  }

  /** Whether `content` (and what it follows) equals the latest version: an import skips it. */
  async isUnchanged(manager: EntityManager, regionCode: string, code: string, content: C, followsVersion: number | null): Promise<E | undefined> {
    const latest = (await this.timeline(manager, regionCode, code)).at(-1);
    if (!latest || latest.retired || latest.followsVersion !== followsVersion) return undefined;
    return this.changedFields(latest, content as unknown as E).length === 0 ? latest : undefined;
  }

  /** Changes a version that has not taken effect yet. */
  async amend(
    change: StateChange,
    regionCode: string,
    code: string,
    versionNo: number,
    content: C,
    opts: { effectiveFrom?: string; changeNote?: string | null },
  ): Promise<E> {
    const { manager } = change;
    const timeline = await this.timeline(manager, regionCode, code);
    const version = this.pendingVersion(timeline, regionCode, code, versionNo, 'amended');
    if (version.retired) throw new ConflictException(`version ${versionNo} of ${code} retires the item; withdraw it instead of amending it`);
    const previous = timeline.find((v) => v.version === versionNo - 1);
    if (opts.effectiveFrom !== undefined) {
      const today = chinaToday();
      if (opts.effectiveFrom < today) throw invalid([fieldError('effectiveFrom', 'notInPast', `effectiveFrom must not be before today (${today})`)]);
      const next = timeline.find((v) => v.version === versionNo + 1);
      if ((previous && opts.effectiveFrom <= previous.effectiveFrom) || (next && opts.effectiveFrom >= next.effectiveFrom)) {
        throw invalid([
          fieldError(
            'effectiveFrom',
            'betweenNeighbours',
            `effectiveFrom must fall after version ${versionNo - 1} and before version ${versionNo + 1} take effect`,
          ),
        ]);
      }
      version.effectiveFrom = opts.effectiveFrom;
    }
    Object.assign(version, this.pickContent(content));
    if (opts.changeNote !== undefined) version.changeNote = opts.changeNote;
    version.amendedAt = new Date();
    await manager.save(this.config.entity, version as DeepPartial<E>);
    await this.announce(change, version, 'amended', this.changedFields(previous, version));
    return version;
  }

  /** Removes the latest version before it takes effect (and no lower list follows it). */
  async withdraw(change: StateChange, regionCode: string, code: string, versionNo: number): Promise<E> {
    const { manager } = change;
    const timeline = await this.timeline(manager, regionCode, code);
    const version = this.pendingVersion(timeline, regionCode, code, versionNo, 'withdrawn');
    if (timeline.at(-1)?.version !== versionNo) throw new ConflictException(`version ${versionNo} of ${code} has later versions; withdraw them first`);
    const followers: { region_code: string }[] = await manager.query(
      `SELECT DISTINCT v.region_code FROM ${this.config.table} v JOIN regions r ON r.code = v.region_code
       WHERE r.parent_code = $1 AND v.code = $2 AND v.follows_version = $3`,
      [regionCode, code, versionNo],
    );
    if (followers.length)
      throw new ConflictException(`version ${versionNo} of ${code} is followed by the lists of ${followers.map((f) => f.region_code).join(', ')}`);
    await manager.delete(this.config.entity, { id: version.id } as FindOptionsWhere<E>);
    await this.announce(change, version, 'withdrawn', []);
    return version;
  }

  /**
   * A lower list takes over the upper list's latest version of an item (following it), keeping
   * its own values of the local fields if it already lists the item.
   */
  async adopt(
    change: StateChange,
    input: { regionCode: string; upperRegionCode: string; code: string; effectiveFrom: string; changeNote?: string | null; publishedBy?: string | null },
  ): Promise<E> {
    const { manager } = change;
    const upper = (await this.timeline(manager, input.upperRegionCode, input.code)).at(-1);
    if (!upper) throw new ConflictException(`the list of ${input.upperRegionCode} no longer has ${input.code}`);
    const own = (await this.timeline(manager, input.regionCode, input.code)).at(-1);
    const content = { ...this.pickContent(upper as unknown as C) };
    for (const field of this.config.localFields ?? []) if (own) (content as Record<string, unknown>)[field] = own[field];
    return this.publish(change, { ...input, followsVersion: upper.version, retired: upper.retired, content: content as C });
  }

  /** 事项取消: a version, effective on a date, after which the item no longer applies. */
  async retire(change: StateChange, input: Omit<PublishInput<C>, 'content' | 'retired'>): Promise<E> {
    const latest = (await this.timeline(change.manager, input.regionCode, input.code)).at(-1);
    if (!latest) throw new NotFoundException(`${this.config.label} ${input.code} is not in the list of ${input.regionCode}`);
    if (latest.retired)
      throw new ConflictException(`${this.config.label} ${input.code} is already retired in the list of ${input.regionCode} from ${latest.effectiveFrom}`);
    return this.publish(change, { ...input, retired: true, content: this.pickContent(latest as unknown as C) as C });
  }

  async history(manager: EntityManager, regionCode: string, code: string): Promise<HistoryEntry<E>[]> {
    const timeline = await this.timeline(manager, regionCode, code);
    if (!timeline.length) throw new NotFoundException(`${this.config.label} ${code} has no version in the list of ${regionCode}`);
    const today = chinaToday();
    return timeline.map((version, i) => ({
      version,
      status: statusOf(version, timeline[i + 1], today),
      effectiveTo: timeline[i + 1]?.effectiveFrom ?? null,
      changedFields: this.changedFields(timeline[i - 1], version),
    }));
  }

  async exactVersion(manager: EntityManager, regionCode: string, code: string, versionNo: number): Promise<E> {
    const version = await manager.findOne(this.config.entity, { where: { regionCode, code, version: versionNo } as FindOptionsWhere<E> });
    if (!version) throw new NotFoundException(`${this.config.label} ${code} has no version ${versionNo} in the list of ${regionCode}`);
    return version;
  }

  /**
   * The versions in force on `asOf`, one per item: in one list, in every list, or (with a
   * chain) for a region, the nearest list's version winning; retired items drop out.
   */
  async current(manager: EntityManager, query: CurrentQuery<E>): Promise<[E[], number]> {
    const params: Record<string, unknown> = { asOf: query.asOf };
    const codeFilter = query.code ? 'AND x.code = :code' : '';
    if (query.code) params.code = query.code;
    let ids: string;
    if (query.chain) {
      params.chain = query.chain;
      ids = `SELECT a.id FROM (
          SELECT DISTINCT ON (c.code) c.id, c.retired FROM (
            SELECT DISTINCT ON (x.region_code, x.code) x.id, x.code, x.retired, array_position(CAST(:chain AS varchar[]), x.region_code::varchar) AS depth
            FROM ${this.config.table} x
            WHERE x.region_code = ANY(CAST(:chain AS varchar[])) AND x.effective_from <= CAST(:asOf AS date) ${codeFilter}
            ORDER BY x.region_code, x.code, x.effective_from DESC
          ) c ORDER BY c.code, c.depth
        ) a WHERE NOT a.retired`;
    } else {
      const regionFilter = query.regionCode ? 'AND x.region_code = :regionCode' : '';
      if (query.regionCode) params.regionCode = query.regionCode;
      ids = `SELECT c.id FROM (
          SELECT DISTINCT ON (x.region_code, x.code) x.id, x.retired FROM ${this.config.table} x
          WHERE x.effective_from <= CAST(:asOf AS date) ${regionFilter} ${codeFilter}
          ORDER BY x.region_code, x.code, x.effective_from DESC
        ) c WHERE NOT c.retired`;
    }
    const qb = manager.getRepository(this.config.entity).createQueryBuilder('v').where(`v.id IN (${ids})`, params);
    query.filter?.(qb);
    qb.orderBy('v.code', 'ASC').addOrderBy('v.region_code', 'ASC');
    if (query.skip !== undefined) qb.skip(query.skip);
    if (query.take !== undefined) qb.take(query.take);
    return qb.getManyAndCount();
  }

  changedFields(before: E | undefined, after: E): string[] {
    const fields = [...this.config.contentFields, 'retired', 'followsVersion'] as (keyof E & string)[];
    if (!before) return [...this.config.contentFields];
    return fields.filter((f) => after[f] !== undefined && canonicalJson(before[f]) !== canonicalJson(after[f]));
  }

  pickContent(source: C): Partial<C> {
    const content: Partial<C> = {};
    for (const field of this.config.contentFields) content[field] = source[field];
    return content;
  }

  private pendingVersion(timeline: E[], regionCode: string, code: string, versionNo: number, action: string): E {
    const version = timeline.find((v) => v.version === versionNo);
    if (!version) throw new NotFoundException(`${this.config.label} ${code} has no version ${versionNo} in the list of ${regionCode}`);
    if (version.effectiveFrom <= chinaToday()) {
      throw new ConflictException(
        `version ${versionNo} of ${code} is in force since ${version.effectiveFrom} and cannot be ${action}; publish a new version instead`,
      );
    }
    return version;
  }

  private async announce(stateChange: StateChange, version: E, change: CatalogChange, changedFields: string[]): Promise<void> {
    const flaggedRegionCodes = this.config.flagsLowerLists ? await this.flags.refresh(stateChange.manager, version.regionCode, version.code) : [];
    stateChange.audit({
      action: `${this.config.kind}.${change}`,
      resourceType: this.config.kind,
      resourceId: `${version.regionCode}/${version.code}`,
      after: { version: version.version, effectiveFrom: version.effectiveFrom, changedFields, flaggedRegionCodes },
    });
    stateChange.publish(Topics.catalog, this.config.event({ version, change, changedFields, flaggedRegionCodes }));
  }
}

export function statusOf(version: ListedVersion, next: ListedVersion | undefined, today: string): VersionStatus {
  if (version.effectiveFrom > today) return 'pending';
  return next && next.effectiveFrom <= today ? 'superseded' : 'effective';
}
