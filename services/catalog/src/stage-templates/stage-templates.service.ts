import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApprovalStages,
  CatalogEventTypes,
  ProjectFacts,
  ProjectType,
  RequiredItem,
  RequiredItemsQuery,
  RequiredItemsResult,
  StageTemplateChangedV1,
  StageTemplateEntry,
  VersionMeta,
} from '@cityworks/contracts';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { FieldError } from '@cityworks/platform';
import { chinaToday } from '../common/china-today';
import { fieldError, invalid } from '@cityworks/platform';
import { ApprovalItemsService } from '../approval-items/approval-items.service';
import { RegionsService } from '../regions/regions.service';
import { versionMeta } from '../versioning/item-list.service';
import { VersionedList } from '../versioning/versioned-list';
import { checkCondition, evaluate } from './conditions';
import { StageTemplateContent, stageTemplateContentFields, StageTemplateVersion } from './stage-template-version.entity';
import { PublishStageTemplateDto, StageTemplatesQuery } from './dto/stage-template-requests.dto';

export interface StageTemplateView extends VersionMeta {
  projectType: string;
  name: string;
  entries: StageTemplateEntry[];
}

const stageOrder = (stage: string) => ApprovalStages.indexOf(stage as never);

/**
 * Stage templates (which items a project type needs per stage) and the question the approval
 * service asks of them: "which items does this project need in this stage?"
 */
@Injectable()
export class StageTemplatesService {
  readonly versions: VersionedList<StageTemplateVersion, StageTemplateContent>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly regions: RegionsService,
    private readonly approvalItems: ApprovalItemsService,
  ) {
    this.versions = new VersionedList({
      kind: 'stage-template',
      entity: StageTemplateVersion,
      table: 'stage_template_versions',
      label: '阶段模板',
      contentFields: stageTemplateContentFields,
      flagsLowerLists: false,
      event: ({ version, change }) => ({
        type: CatalogEventTypes.stageTemplateChanged,
        subject: `stage-template:${version.regionCode}:${version.code}`,
        data: {
          projectType: version.code,
          regionCode: version.regionCode,
          version: version.version,
          effectiveFrom: version.effectiveFrom,
          change,
          occurredAt: new Date().toISOString(),
        } satisfies StageTemplateChangedV1,
      }),
    });
  }

  toView(v: StageTemplateVersion): StageTemplateView {
    return { ...versionMeta(v), projectType: v.code, name: v.name, entries: v.entries };
  }

  async publish(projectType: ProjectType, dto: PublishStageTemplateDto, publishedBy?: string | null, outer?: EntityManager): Promise<StageTemplateView> {
    const content: StageTemplateContent = {
      name: dto.name,
      entries: dto.entries.map((e) => ({
        stage: e.stage,
        itemCode: e.itemCode,
        ...(e.condition ? { condition: e.condition } : {}),
        ...(e.note ? { note: e.note } : {}),
      })),
    };
    const work = async (change: StateChange) => {
      const { manager } = change;
      await this.versions.lock(manager);
      const input = { regionCode: dto.regionCode, code: projectType, effectiveFrom: dto.effectiveFrom, changeNote: dto.changeNote, publishedBy, content };
      const errors = [...(await this.versions.checkPublish(manager, input))];
      if (dto.followsVersion !== undefined) errors.push(fieldError('followsVersion', 'notForTemplates', 'a stage template does not follow an upper version'));
      if (!errors.length) errors.push(...(await this.checkEntries(manager, dto.regionCode, dto.effectiveFrom, content.entries)));
      if (errors.length) throw invalid(errors);
      return this.versions.publish(change, input);
    };
    const version = outer ? await this.uow.runIn(outer, work) : await this.uow.run(work);
    return this.toView(version);
  }

  /** Each item must be in force for the region on the day the template is; each condition well formed. */
  private async checkEntries(manager: EntityManager, regionCode: string, effectiveFrom: string, entries: StageTemplateEntry[]): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const chain = (await this.regions.chain(regionCode, manager)) ?? [regionCode];
    const [inForce] = await this.approvalItems.versions.current(manager, { chain, asOf: effectiveFrom });
    const codes = new Set(inForce.map((v) => v.code));
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      const key = `${entry.stage}/${entry.itemCode}`;
      if (seen.has(key)) errors.push(fieldError(`entries.${i}`, 'unique', `entries.${i}: ${entry.itemCode} is already listed in ${entry.stage}`));
      seen.add(key);
      if (!codes.has(entry.itemCode)) {
        errors.push(
          fieldError(
            `entries.${i}.itemCode`,
            'inForce',
            `entries.${i}.itemCode ${entry.itemCode} is not an approval item in force for region ${regionCode} on ${effectiveFrom}`,
          ),
        );
      }
      if (entry.condition !== undefined) errors.push(...checkCondition(entry.condition, `entries.${i}.condition`));
    });
    return errors;
  }

  async withdraw(projectType: ProjectType, regionCode: string, versionNo: number): Promise<StageTemplateView> {
    const version = await this.uow.run(async (change) => {
      await this.versions.lock(change.manager);
      return this.versions.withdraw(change, regionCode, projectType, versionNo);
    });
    return this.toView(version);
  }

  async list(query: StageTemplatesQuery): Promise<StageTemplateView[]> {
    const chain = query.regionCode ? await this.chainOf(query.regionCode) : undefined;
    const [rows] = await this.versions.current(this.dataSource.manager, { chain, asOf: query.asOf ?? chinaToday() });
    return rows.map((r) => this.toView(r));
  }

  async get(projectType: ProjectType, regionCode: string, asOf?: string): Promise<StageTemplateView> {
    return this.toView(await this.resolve(this.dataSource.manager, projectType, regionCode, asOf ?? chinaToday()));
  }

  async history(projectType: ProjectType, regionCode: string) {
    const entries = await this.versions.history(this.dataSource.manager, regionCode, projectType);
    return entries.map((e) => ({ ...this.toView(e.version), status: e.status, effectiveTo: e.effectiveTo, changedFields: e.changedFields }));
  }

  /**
   * Which items a project needs, per the template in force for its region on the date: the
   * entries whose condition holds (or have none), those that hinge on facts not given, and any
   * the catalog no longer has in force.
   */
  async requiredItems(query: RequiredItemsQuery): Promise<RequiredItemsResult> {
    const manager = this.dataSource.manager;
    const asOf = query.asOf ?? chinaToday();
    const template = await this.resolve(manager, query.projectType, query.regionCode, asOf);
    const chain = await this.chainOf(query.regionCode);
    const [inForce] = await this.approvalItems.versions.current(manager, { chain, asOf });
    const items = new Map(inForce.map((v) => [v.code, v]));
    const facts: ProjectFacts = { ...(query.facts ?? {}) };
    const result: RequiredItemsResult = {
      projectType: query.projectType,
      regionCode: query.regionCode,
      asOf,
      template: { regionCode: template.regionCode, version: template.version, effectiveFrom: template.effectiveFrom },
      items: [],
      undetermined: [],
      unavailable: [],
    };
    const entries = template.entries.filter((e) => !query.stage || e.stage === query.stage).sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage));
    for (const entry of entries) {
      const missing = new Set<string>();
      const applies = entry.condition ? evaluate(entry.condition, facts, missing) : true;
      if (applies === false) continue;
      const item = items.get(entry.itemCode);
      if (!item) {
        result.unavailable.push({ stage: entry.stage, itemCode: entry.itemCode });
        continue;
      }
      const required: RequiredItem = { stage: entry.stage, itemCode: entry.itemCode, note: entry.note ?? null, item: this.approvalItems.toView(item) };
      if (applies === true) result.items.push(required);
      else result.undetermined.push({ ...required, missingFacts: [...missing].sort() });
    }
    return result;
  }

  private async resolve(manager: EntityManager, projectType: ProjectType, regionCode: string, asOf: string): Promise<StageTemplateVersion> {
    const [[template]] = await this.versions.current(manager, { chain: await this.chainOf(regionCode), asOf, code: projectType });
    if (!template) throw new NotFoundException(`no stage template for ${projectType} is in force for region ${regionCode} on ${asOf}`);
    return template;
  }

  private async chainOf(regionCode: string): Promise<string[]> {
    const chain = await this.regions.chain(regionCode);
    if (!chain) throw new NotFoundException(`region ${regionCode} not found`);
    return chain;
  }
}
