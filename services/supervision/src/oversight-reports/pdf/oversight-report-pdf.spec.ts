import { ApplicationFigures, oversightPeriodRange, SupervisionFigures } from '@cityworks/contracts';
import { pdfText } from '../../../testing/pdf-text';
import { missingLetterFonts } from '../../letters/pdf/letter-fonts';
import { OversightReport } from '../domain/oversight-report';
import { DEFAULT_SCORE_WEIGHTS } from '../domain/scoring';
import { renderOversightReportPdf } from './oversight-report-pdf';

const applications: ApplicationFigures = {
  asOf: '2026-11-01T00:00:00.000Z',
  departments: [
    {
      departmentCode: 'AS-XZSPJ',
      decided: 3,
      decidedOnTime: 2,
      decidedLate: 1,
      openOverdue: 0,
      averageUsedWorkingDays: 4.5,
      maxUsedWorkingDays: 9,
      illegalClockStopAttempts: 1,
    },
  ],
};
const supervision: SupervisionFigures = { asOf: '2026-11-01T00:00:00.000Z', departments: [] };
const report = (kind: 'monthly' | 'quarterly', period: string) =>
  OversightReport.compose({
    id: 'r-1',
    kind,
    period,
    ...oversightPeriodRange(kind, period),
    workflowId: 'w',
    applications,
    supervision,
    sample:
      kind === 'monthly'
        ? {
            seed: 4242,
            size: 1,
            populationSize: 3,
            populationDigest: 'd'.repeat(64),
            items: [
              {
                applicationId: 'APP-1',
                projectCode: 'P-1',
                itemCode: 'JS-SGXK-001',
                departmentCode: 'AS-XZSPJ',
                status: 'approved',
                acceptedAt: '2026-10-08T02:00:00.000Z',
                decidedAt: '2026-10-10T02:00:00.000Z',
                timeLimitWorkingDays: 7,
                usedWorkingDays: 2,
                decidedWithinLimit: true,
              },
            ],
          }
        : null,
    weights: DEFAULT_SCORE_WEIGHTS,
    generatedAt: new Date('2027-01-01T03:00:00+08:00'),
  }).snapshot;

describe('the oversight report as a PDF', () => {
  beforeAll(() => expect(missingLetterFonts()).toEqual([]));

  it('prints the monthly 通报 in Chinese with the table, the totals and the seeded sample', async () => {
    const monthly = report('monthly', '2026-10');
    const pdf = await renderOversightReportPdf(monthly, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const shown = pdfText(pdf);
    const all = shown.join('');
    expect(all).toContain('2026年10月工程建设项目审批和监管履职情况通报');
    expect(shown).toEqual(expect.arrayContaining(['部门', '按时办结', '逾期', 'AS-XZSPJ', '4.5', '9']));
    expect(all).toContain('合计：按时办结 2 件，逾期 1 件');
    expect(all).toContain('统计期间：2026年10月1日至2026年10月31日（北京时间）');
    expect(all).toContain('办结 2026年10月10日');
    expect(all).toContain('随机种子 4242');
    expect(all).toContain('APP-1');
    expect(all).not.toContain('得分');
    // deterministic: the same report, the same bytes
    expect((await renderOversightReportPdf(monthly)).equals(await renderOversightReportPdf(monthly))).toBe(true);
  });

  it('prints the quarterly 督查评分 with the score column and the formula’s weights', async () => {
    const all = pdfText(await renderOversightReportPdf(report('quarterly', '2026-Q4'), { compress: false })).join('');
    expect(all).toContain('2026年第四季度工程建设项目审批和监管督查评分');
    expect(all).toContain('得分');
    expect(all).toContain('每次违规暂停计时扣 2 分');
  });
});
