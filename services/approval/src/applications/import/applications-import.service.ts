import { ForbiddenException, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { chinaDateOf } from '@cityworks/calendar';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { ApprovalItemSnapshot, AuthUser, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { CSV_MEDIA_TYPES, importRefused, mayAct, mediaTypeOf, ParsedRow, RowError, Transition } from '@cityworks/platform';
import { ApprovalItemCatalog } from '../../catalog-items/approval-item-catalog';
import { applicationTiming } from '../domain/application-timing';
import { Application } from '../domain/application';
import { ApplicationsRepository } from '../persistence/applications.repository';
import { ApplicationImportsRepository } from './application-imports.repository';
import { alreadyImportedRefusals, importHistorical, repeatedSourceRefs } from './historical-application';
import { HistoricalFile, historicalFileFromCsv, historicalFileFromJson } from './historical-file';
import { ApplicationsImportView } from './applications-import.view';

/**
 * 迁移: a city's existing applications brought in with their real history, all or none. Who may
 * import is checked here (the 工改办 any department's rows, an approval officer only their own
 * department's, as at 受理); what may be imported is historical-application.ts.
 */
@Injectable()
export class ApplicationsImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationsRepository,
    private readonly imports: ApplicationImportsRepository,
    private readonly catalog: ApprovalItemCatalog,
    private readonly calendar: ServiceCalendar,
  ) {}

  async import(user: AuthUser, body: unknown, contentType: string | undefined): Promise<ApplicationsImportView> {
    const now = new Date();
    const file = await this.read(body, contentType);
    this.assertOwnDepartment(user, file.rows);
    const errors = [...file.errors, ...repeatedSourceRefs(file.applications)];
    const imported = await this.uow.run(async (change) => {
      const { manager } = change;
      errors.push(
        ...alreadyImportedRefusals(file.applications, await this.imports.alreadyImported(manager, [...new Set(file.applications.map((h) => h.sourceRef))])),
      );
      const itemInForce = this.itemLookup(manager);
      const planned: { row: number; sourceRef: string; application: Application; transition: Transition }[] = [];
      for (const h of file.applications) {
        const item = await itemInForce(h.accepted.itemCode, h.accepted.regionCode, h.acceptedAt);
        const outcome = importHistorical(h, item, randomUUID(), now);
        if ('refused' in outcome) {
          errors.push(...outcome.refused);
          continue;
        }
        planned.push({ row: h.row, sourceRef: h.sourceRef, ...outcome });
      }
      // refused whole: throwing rolls the transaction back, and nothing was written before this line
      if (errors.length) throw importRefused(errors, 422);
      for (const { sourceRef, application, transition } of planned) {
        await this.applications.insert(manager, application);
        await this.imports.record(manager, { sourceRef, applicationId: application.id, importedAt: now, importedBy: user.userId });
        // the audit entry only: the old system told the supervising department at the time, so no event goes out
        change.record({ type: 'application', id: application.id }, transition, Topics.approval);
      }
      return planned;
    });
    return {
      imported: imported.length,
      applications: imported.map(({ row, sourceRef, application }) => {
        const timing = applicationTiming(application.snapshot, this.calendar.current, now);
        return {
          row,
          sourceRef,
          applicationId: application.id,
          status: application.snapshot.status as 'approved' | 'rejected',
          usedWorkingDays: timing?.usedWorkingDays ?? null,
          decidedWithinLimit: timing?.decidedWithinLimit ?? null,
        };
      }),
    };
  }

  private read(body: unknown, contentType: string | undefined): Promise<HistoricalFile> {
    const type = mediaTypeOf(contentType);
    if (type === 'application/json') return historicalFileFromJson(body);
    if (CSV_MEDIA_TYPES.includes(type)) return historicalFileFromCsv(typeof body === 'string' ? body : '');
    throw new UnsupportedMediaTypeException('send the applications as text/csv or application/json');
  }

  /** 谁审批谁负责: an officer imports their own department's applications only, as they accept only their own. */
  private assertOwnDepartment(user: AuthUser, rows: ParsedRow[]): void {
    const foreign: RowError[] = rows
      .filter((r) => typeof r.values.departmentCode === 'string' && !mayAct(user, r.values.departmentCode))
      .map((r) => ({
        row: r.row,
        column: r.titles.departmentCode ?? 'departmentCode',
        field: 'departmentCode',
        rules: { ownDepartment: `departmentCode ${String(r.values.departmentCode)} is not your department` },
      }));
    if (foreign.length)
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `the file holds ${foreign.length} application${foreign.length === 1 ? '' : 's'} of another department; nothing was imported`,
        errors: foreign,
      });
  }

  /** The catalog copy's version in force on a day, asked once per item, region and China date. */
  private itemLookup(manager: EntityManager) {
    const known = new Map<string, Promise<ApprovalItemSnapshot | null>>();
    return (itemCode: string, regionCode: string, acceptedAt: Date): Promise<ApprovalItemSnapshot | null> => {
      const key = `${itemCode}|${regionCode}|${chinaDateOf(acceptedAt)}`;
      let item = known.get(key);
      if (!item) known.set(key, (item = this.catalog.inForce(itemCode, regionCode, acceptedAt, manager)));
      return item;
    };
  }
}
