import { Injectable } from '@nestjs/common';
import { AuthUser } from '@cityworks/contracts';
import { departmentFilter } from '@cityworks/platform';
import { UpstreamClient } from '../../upstream/upstream-client';
import { panel } from '../panel';
import { lettersPerMonth, obligationsOnTime, usedDaysByProjectType } from './overview-figures';
import type { ApplicationSummary, LetterSummary, Page, ProjectSummary, TimingReportDepartment } from './upstream-shapes';
import { OverviewView } from './overview.view';
import { ReportCache } from './report-cache';

/** Applications read for the 办理用时 box plot: the latest ones, one page of the service. */
const SAMPLE = 200;
/** Letters read for the monthly line: at most this many pages of 200 (a city issues far fewer a year). */
const LETTER_PAGES = 10;

/** 总览: four panels, each from the service that owns its data, read with the user's token. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly reports: ReportCache,
  ) {}

  async overview(user: AuthUser, token: string, year: number, now = new Date()): Promise<OverviewView> {
    // approval's report gives a department the rows of every department its applications concern
    // (joint reviews); a department's chart shows its own row, the 工改办's every row
    const own = departmentFilter(user);
    // kept per department scope and roles: a role the report refuses never reads another role's copy
    const timingReport = this.reports.get(`${own ?? 'all'}:${[...user.roles].sort().join('+')}:${year}`, () =>
      this.upstream.json<{ departments: TimingReportDepartment[] }>('approval', '/applications/timing-report', { token, query: { year } }),
    );
    // both panels read the one report; a refusal (403) is each panel's to show, not an unhandled rejection
    timingReport.catch(() => undefined);
    const [obligations, letters, usedDays, illegalPauses] = await Promise.all([
      panel(
        async () => {
          const report = await timingReport;
          return { departments: obligationsOnTime(report.departments.filter((d) => !own || d.departmentCode === own)) };
        },
        { departments: [] },
      ),
      panel(
        async () => {
          const all = await this.lettersOfYear(token, year);
          return { months: lettersPerMonth(all, year), counted: all.length };
        },
        { months: [], counted: 0 },
      ),
      panel(() => this.usedDays(token), { projectTypes: [], sampled: 0 }),
      panel(
        async () => {
          const [report, top] = await Promise.all([
            timingReport,
            this.upstream.json<Page<ApplicationSummary>>('approval', '/applications/illegal-clock-stop-attempts', { token, query: { pageSize: 10 } }),
          ]);
          return {
            applications: top.total,
            attempts: report.departments.filter((d) => !own || d.departmentCode === own).reduce((s, d) => s + d.illegalClockStopAttempts, 0),
            top: top.items.map((a) => ({
              applicationId: a.id,
              projectCode: a.projectCode,
              itemCode: a.itemCode,
              departmentCode: a.departmentCode,
              attempts: a.illegalClockStopAttempts,
            })),
          };
        },
        { applications: 0, attempts: 0, top: [] },
      ),
    ]);
    return { year, asOf: now.toISOString(), obligations, letters, usedDays, illegalPauses };
  }

  private async lettersOfYear(token: string, year: number): Promise<LetterSummary[]> {
    const query = { from: `${year}-01-01`, to: `${year}-12-31`, pageSize: 200 };
    const first = await this.upstream.json<Page<LetterSummary>>('supervision', '/letters', { token, query: { ...query, page: 1 } });
    const pages = Math.min(LETTER_PAGES, Math.ceil(first.total / 200));
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
        this.upstream.json<Page<LetterSummary>>('supervision', '/letters', { token, query: { ...query, page: i + 2 } }),
      ),
    );
    return [first, ...rest].flatMap((p) => p.items);
  }

  private async usedDays(token: string) {
    const [applications, projects] = await Promise.all([
      this.upstream.json<Page<ApplicationSummary>>('approval', '/applications', { token, query: { pageSize: SAMPLE } }),
      this.upstream.json<Page<ProjectSummary>>('approval', '/projects', { token, query: { pageSize: SAMPLE } }),
    ]);
    // an application of an older project than the latest page: read those projects one by one (few)
    const known = new Set(projects.items.map((p) => p.code));
    const missing = [...new Set(applications.items.filter((a) => a.decidedAt && !known.has(a.projectCode)).map((a) => a.projectCode))].slice(0, 20);
    const more = await Promise.all(
      missing.map((code) => this.upstream.json<ProjectSummary>('approval', `/projects/${encodeURIComponent(code)}`, { token }).catch(() => null)),
    );
    const all = [...projects.items, ...more.filter((p): p is ProjectSummary => p !== null)];
    return { projectTypes: usedDaysByProjectType(applications.items, all), sampled: applications.items.length };
  }
}
