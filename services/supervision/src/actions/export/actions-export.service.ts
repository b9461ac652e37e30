import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { AuthUser } from '@cityworks/contracts';
import { departmentFilter, formatCsv } from '@cityworks/platform';
import { chinaPeriod } from '../dto/day-range';
import { SupervisionActionsRepository } from '../persistence/supervision-actions.repository';
import { CHECK_FIELDS, checkRecord, exchangeViolations, ExchangeRecord, PENALTY_FIELDS, penaltyRecord } from './exchange-fields';
import { ExportActionsQuery } from './export-actions.query';

/** a year and a day at most: the exchange takes a period at a time, not a history */
const MAX_PERIOD_DAYS = 366;

export class ExchangeFieldView {
  @ApiProperty()
  key: string;

  @ApiProperty({ description: 'the CSV header' })
  label: string;

  @ApiProperty()
  required: boolean;
}

/** A period's 监管行为 in the exchange's shape. */
export class ActionsExportView {
  @ApiProperty({ enum: ['check', 'penalty'] })
  kind: 'check' | 'penalty';

  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty({ format: 'date' })
  to: string;

  @ApiProperty({ type: String, nullable: true, description: 'the department exported; null for all (工改办, auditors)' })
  departmentCode: string | null;

  @ApiProperty()
  count: number;

  @ApiProperty({ type: [ExchangeFieldView] })
  fields: ExchangeFieldView[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } })
  records: ExchangeRecord[];
}

/**
 * 监管行为 of a period out to the national exchange: reported actions only (a registered check
 * has no result yet), the caller's department's unless they see all. Every record is checked
 * against the exchange's field rules first; a period holding one that breaks them is refused
 * whole (422 naming the action and rule), since a partial upload would pass for a complete one.
 */
@Injectable()
export class ActionsExportService {
  constructor(private readonly actions: SupervisionActionsRepository) {}

  async export(user: AuthUser, query: ExportActionsQuery): Promise<{ contentType: string; filename: string; body: string | ActionsExportView }> {
    const range = chinaPeriod(query.from, query.to, MAX_PERIOD_DAYS);
    const department = departmentFilter(user);
    const found = await this.actions.reportedBetween(query.kind, range.from, range.to, department);
    const fields = query.kind === 'check' ? CHECK_FIELDS : PENALTY_FIELDS;
    const records = found.map(query.kind === 'check' ? checkRecord : penaltyRecord);
    const problems = records.flatMap((r) => exchangeViolations(query.kind, r).map((p) => `action ${r.actionId}: ${p}`));
    if (problems.length) throw new UnprocessableEntityException(`the period holds records the exchange refuses: ${problems.join('; ')}`);
    const filename = `supervision-${query.kind}s-${query.from}-${query.to}`;
    if (query.format === 'csv')
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: `${filename}.csv`,
        body: formatCsv([fields.map((f) => f.label), ...records.map((r) => fields.map((f) => r[f.key]))]),
      };
    const view = Object.assign(new ActionsExportView(), {
      kind: query.kind,
      from: query.from,
      to: query.to,
      departmentCode: department ?? null,
      count: records.length,
      fields: fields.map((f) => Object.assign(new ExchangeFieldView(), f)),
      records,
    });
    return { contentType: 'application/json; charset=utf-8', filename: `${filename}.json`, body: view };
  }
}
