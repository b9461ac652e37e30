import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '@cityworks/contracts';
import { departmentFilter } from '@cityworks/platform';
import { chinaPeriod } from '../actions/dto/day-range';
import { InactionReportQuery } from './dto/inaction-report.query';
import { InactionReportView, ItemWithoutActionView, LateDepartmentView } from './views/inaction-report.view';

/**
 * Items a department had to act under with no action in the period: the version of each item in
 * force on the period's last day (the newest not withdrawn, effective by then), not retired, whose
 * department recorded no 监管行为 under its code with an action time in the period.
 */
const ITEMS_WITHOUT_ACTION = `
  WITH in_force AS (
    SELECT DISTINCT ON (code, region_code) code, region_code, name, department_code, retired
    FROM supervision_item_versions
    WHERE NOT withdrawn AND effective_from <= $3::date
    ORDER BY code, region_code, effective_from DESC, version DESC
  )
  SELECT f.department_code, f.code, f.region_code, f.name
  FROM in_force f
  WHERE NOT f.retired
    AND ($4::text IS NULL OR f.department_code = $4)
    AND NOT EXISTS (
      SELECT 1 FROM supervision_actions a
      WHERE a.supervision_item_code = f.code AND a.department_code = f.department_code AND a.acted_at BETWEEN $1 AND $2
    )
  ORDER BY f.department_code, f.code, f.region_code`;

/**
 * A deadline is missed when it fell in the period and was met after it, or is not met and has
 * passed (now counts). Each kind from its own record, not from the workflows' marks, so the report
 * holds even for a deadline whose workflow has not run yet.
 */
const LATE_DEPARTMENTS = `
  SELECT department_code, kind, count(*)::int AS n FROM (
    SELECT department_code, 'actionReports' AS kind FROM supervision_actions
      WHERE report_due_at BETWEEN $1 AND $2 AND (reported_at > report_due_at OR (reported_at IS NULL AND report_due_at < $3))
    UNION ALL
    SELECT department_code, 'inspectionTasks' FROM inspection_tasks
      WHERE due_at BETWEEN $1 AND $2 AND (feedback_at > due_at OR (feedback_at IS NULL AND due_at < $3))
    UNION ALL
    SELECT department_code, 'supervisionTasks' FROM supervision_tasks
      WHERE due_at BETWEEN $1 AND $2 AND (feedback_at > due_at OR (feedback_at IS NULL AND due_at < $3))
    UNION ALL
    SELECT supervising_department_code, 'commitmentVerifications' FROM commitments
      WHERE due_at BETWEEN $1 AND $2 AND (verified_at > due_at OR (verified_at IS NULL AND due_at < $3))
  ) late
  WHERE $4::text IS NULL OR department_code = $4
  GROUP BY department_code, kind`;

type LateKind = 'actionReports' | 'inspectionTasks' | 'supervisionTasks' | 'commitmentVerifications';

/** 不作为 report (Zaozhuang: 每一监管事项至少一条监管行为; the ladder's late departments), read-only. */
@Injectable()
export class InactionReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(user: AuthUser, query: InactionReportQuery): Promise<InactionReportView> {
    const { from, to } = chinaPeriod(query.from, query.to);
    const own = departmentFilter(user);
    if (own && query.departmentCode && query.departmentCode !== own)
      throw new ForbiddenException(`you report on your own department ${own}, not ${query.departmentCode}`);
    const department = own ?? query.departmentCode ?? null;
    const now = new Date();
    const items: { department_code: string; code: string; region_code: string; name: string }[] = await this.db.query(ITEMS_WITHOUT_ACTION, [
      from,
      to,
      query.to,
      department,
    ]);
    const late: { department_code: string; kind: LateKind; n: number }[] = await this.db.query(LATE_DEPARTMENTS, [from, to, now, department]);
    const byDepartment = new Map<string, LateDepartmentView>();
    for (const row of late) {
      const view =
        byDepartment.get(row.department_code) ??
        Object.assign(new LateDepartmentView(), {
          departmentCode: row.department_code,
          actionReports: 0,
          inspectionTasks: 0,
          supervisionTasks: 0,
          commitmentVerifications: 0,
          total: 0,
        });
      view[row.kind] += row.n;
      view.total += row.n;
      byDepartment.set(row.department_code, view);
    }
    return Object.assign(new InactionReportView(), {
      from: query.from,
      to: query.to,
      departmentCode: department,
      generatedAt: now.toISOString(),
      itemsWithoutAction: items.map((r) =>
        Object.assign(new ItemWithoutActionView(), { departmentCode: r.department_code, code: r.code, regionCode: r.region_code, name: r.name }),
      ),
      lateDepartments: [...byDepartment.values()].sort((a, b) => b.total - a.total || a.departmentCode.localeCompare(b.departmentCode)),
    });
  }
}
