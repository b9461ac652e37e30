import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UnitOfWork } from '@cityworks/messaging';
import { flattenValidationErrors, runWithCorrelationId } from '@cityworks/platform';
import { ProjectType } from '@cityworks/contracts';
import { invalid } from '@cityworks/platform';
import { Region } from '../regions/region.entity';
import { RegionsService } from '../regions/regions.service';
import { UpsertRegionDto } from '../regions/dto/upsert-region.dto';
import { Department } from '../departments/department.entity';
import { DepartmentsService } from '../departments/departments.service';
import { UpsertDepartmentDto } from '../departments/dto/upsert-department.dto';
import { ApprovalItemsService } from '../approval-items/approval-items.service';
import { SupervisionItemsService } from '../supervision-items/supervision-items.service';
import { StageTemplatesService } from '../stage-templates/stage-templates.service';
import { PublishStageTemplateDto } from '../stage-templates/dto/stage-template-requests.dto';
import demoCity from './anshan-demo.json';

export interface LoadCount {
  created: number;
  existing: number;
}

export interface DemoLoadResult {
  regions: LoadCount;
  departments: LoadCount;
  approvalItems: LoadCount;
  supervisionItems: LoadCount;
  stageTemplates: LoadCount;
}

/**
 * Loads the demo city (鞍山市: its districts, departments, both lists, the four stage templates)
 * through the same checks as the API, in one transaction. Idempotent: what exists is left as it
 * is (an edited item is not reset), what is missing is added; a second run changes nothing.
 */
@Injectable()
export class DemoLoaderService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoLoaderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly regions: RegionsService,
    private readonly departments: DepartmentsService,
    private readonly approvalItems: ApprovalItemsService,
    private readonly supervisionItems: SupervisionItemsService,
    private readonly templates: StageTemplatesService,
  ) {}

  /** CATALOG_LOAD_DEMO=true: load the demo city on start when the catalog has no region yet. */
  async onApplicationBootstrap(): Promise<void> {
    if (process.env.CATALOG_LOAD_DEMO !== 'true') return;
    if ((await this.dataSource.getRepository(Region).count()) > 0) return;
    try {
      const result = await runWithCorrelationId(undefined, () => this.load(), 'demo-loader');
      this.logger.log(`demo city loaded: ${JSON.stringify(result)}`);
    } catch (e) {
      this.logger.error(`demo city not loaded: ${(e as Error).message}`);
    }
  }

  async load(publishedBy: string | null = 'demo-loader'): Promise<DemoLoadResult> {
    // one unit of work: each service below records its changes in this transaction (runIn)
    return this.uow.run(async ({ manager }) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['catalog:demo']);
      const regions = await this.loadRegions(manager);
      const departments = await this.loadDepartments(manager);
      const { effectiveFrom } = demoCity;
      const approvalItems: LoadCount = { created: 0, existing: 0 };
      for (const [regionCode, rows] of Object.entries(demoCity.approvalItems)) {
        const r = await this.approvalItems.importFile({ regionCode, effectiveFrom }, rows, 'application/json', { onlyNew: true, manager, publishedBy });
        approvalItems.created += r.published;
        approvalItems.existing += r.unchanged;
      }
      const supervisionItems: LoadCount = { created: 0, existing: 0 };
      for (const [regionCode, rows] of Object.entries(demoCity.supervisionItems)) {
        const r = await this.supervisionItems.importFile({ regionCode, effectiveFrom }, rows, 'application/json', { onlyNew: true, manager, publishedBy });
        supervisionItems.created += r.published;
        supervisionItems.existing += r.unchanged;
      }
      const stageTemplates = await this.loadTemplates(manager, effectiveFrom, publishedBy);
      return { regions, departments, approvalItems, supervisionItems, stageTemplates };
    });
  }

  private async loadRegions(manager: EntityManager): Promise<LoadCount> {
    const count: LoadCount = { created: 0, existing: 0 };
    for (const { code, ...rest } of demoCity.regions) {
      if (await manager.exists(Region, { where: { code } })) {
        count.existing++;
        continue;
      }
      await this.regions.upsert(code, await checked(UpsertRegionDto, rest), manager);
      count.created++;
    }
    return count;
  }

  private async loadDepartments(manager: EntityManager): Promise<LoadCount> {
    const count: LoadCount = { created: 0, existing: 0 };
    for (const { code, ...rest } of demoCity.departments) {
      if (await manager.exists(Department, { where: { code } })) {
        count.existing++;
        continue;
      }
      await this.departments.upsert(code, await checked(UpsertDepartmentDto, rest), manager);
      count.created++;
    }
    return count;
  }

  private async loadTemplates(manager: EntityManager, effectiveFrom: string, publishedBy: string | null): Promise<LoadCount> {
    const count: LoadCount = { created: 0, existing: 0 };
    for (const [regionCode, templates] of Object.entries(demoCity.stageTemplates)) {
      for (const { projectType, ...rest } of templates) {
        if ((await this.templates.versions.timeline(manager, regionCode, projectType)).length) {
          count.existing++;
          continue;
        }
        const dto = await checked(PublishStageTemplateDto, { ...rest, regionCode, effectiveFrom });
        await this.templates.publish(projectType as ProjectType, dto, publishedBy, manager);
        count.created++;
      }
    }
    return count;
  }
}

/** Demo data goes through the same DTO rules as a request would. */
async function checked<T extends object>(dto: new () => T, plain: object): Promise<T> {
  const instance = plainToInstance(dto, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw invalid(flattenValidationErrors(errors));
  return instance;
}
