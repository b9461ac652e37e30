import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { SupervisionItemSnapshot } from '@cityworks/contracts';
import { FieldError } from '@cityworks/platform';
import { fieldError } from '@cityworks/platform';
import { ItemListService, versionMeta } from '../versioning/item-list.service';
import { ItemListDeps } from '../versioning/item-list-deps';
import { SupervisionItemContent, supervisionItemContentFields, SupervisionItemVersion } from './supervision-item-version.entity';
import { supervisionItemColumns } from './supervision-item.columns';
import { SupervisionItemFieldsDto } from './dto/supervision-item-fields.dto';
import { ListSupervisionItemsQuery, SupervisionItemRowDto } from './dto/supervision-item-requests.dto';

/** 监管事项清单: what a supervision item holds, and the department and approval items it must name. */
@Injectable()
export class SupervisionItemsService extends ItemListService<
  SupervisionItemVersion,
  SupervisionItemContent,
  SupervisionItemFieldsDto,
  SupervisionItemRowDto,
  SupervisionItemSnapshot,
  ListSupervisionItemsQuery
> {
  readonly columns = supervisionItemColumns;
  protected readonly rowDto = SupervisionItemRowDto;

  constructor(deps: ItemListDeps) {
    super(deps, {
      kind: 'supervision-item',
      entity: SupervisionItemVersion,
      table: 'supervision_item_versions',
      label: '监管事项',
      contentFields: supervisionItemContentFields,
      localFields: ['departmentCode'],
    });
  }

  toView(v: SupervisionItemVersion): SupervisionItemSnapshot {
    return {
      ...versionMeta(v),
      name: v.name,
      departmentCode: v.departmentCode,
      subject: v.subject,
      measures: v.measures,
      legalBasis: v.legalBasis,
      randomCheckRatio: v.randomCheckRatio,
      checksPerYear: v.checksPerYear,
      riskLevel: v.riskLevel,
      approvalItemCodes: v.approvalItemCodes,
    };
  }

  toContent(f: SupervisionItemFieldsDto): SupervisionItemContent {
    return {
      name: f.name,
      departmentCode: f.departmentCode,
      subject: f.subject,
      measures: f.measures,
      legalBasis: f.legalBasis,
      randomCheckRatio: f.randomCheckRatio,
      checksPerYear: f.checksPerYear,
      riskLevel: f.riskLevel,
      approvalItemCodes: f.approvalItemCodes ?? [],
    };
  }

  /** The department must exist, and each linked approval item must be listed for the region or above it. */
  protected async checkReferences(manager: EntityManager, content: SupervisionItemContent, regionCode: string): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if ((await this.departments.unknown([content.departmentCode], manager)).size) {
      errors.push(fieldError('departmentCode', 'exists', `departmentCode ${content.departmentCode} is not a known department`));
    }
    if (content.approvalItemCodes.length) {
      const chain = (await this.regions.chain(regionCode, manager)) ?? [regionCode];
      const rows: { code: string }[] = await manager.query('SELECT DISTINCT code FROM approval_item_versions WHERE code = ANY($1) AND region_code = ANY($2)', [
        content.approvalItemCodes,
        chain,
      ]);
      const known = new Set(rows.map((r) => r.code));
      const missing = content.approvalItemCodes.filter((c) => !known.has(c));
      if (missing.length)
        errors.push(
          fieldError('approvalItemCodes', 'exists', `approvalItemCodes ${missing.join(', ')} are not approval items of region ${regionCode} or above`),
        );
    }
    return errors;
  }

  protected applyFilters(qb: SelectQueryBuilder<SupervisionItemVersion>, query: ListSupervisionItemsQuery): void {
    if (query.departmentCode) qb.andWhere('v.department_code = :departmentCode', { departmentCode: query.departmentCode });
    if (query.riskLevel) qb.andWhere('v.risk_level = :riskLevel', { riskLevel: query.riskLevel });
    if (query.approvalItemCode) qb.andWhere(':approvalItemCode = ANY(v.approval_item_codes)', { approvalItemCode: query.approvalItemCode });
  }
}
