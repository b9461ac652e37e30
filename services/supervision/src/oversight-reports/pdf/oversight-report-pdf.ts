import PDFDocument from 'pdfkit';
import { letterFontFaces, LetterFontFaces, loadFont } from '../../letters/pdf/letter-fonts';
import type { DepartmentReport, OversightReportState } from '../domain/oversight-report';

/** A4 landscape in points, 15 mm margins. */
const mm = (v: number) => (v * 72) / 25.4;
const MARGIN = mm(15);
const ROW = 16;

export interface ReportRenderOptions {
  /** false in tests: the content streams stay readable for a text check */
  compress?: boolean;
  /** the letters' faces (Noto Serif CJK SC by default, LETTER_FONT_REGULAR / LETTER_FONT_BOLD) */
  fonts?: LetterFontFaces;
}

/** China time (+08:00, no daylight saving): 2026年10月1日, and 2026-10-01 02:00 for instants. */
const china = (date: Date) => new Date(date.getTime() + 8 * 3600_000);
const chinaDay = (date: Date) => `${china(date).getUTCFullYear()}年${china(date).getUTCMonth() + 1}月${china(date).getUTCDate()}日`;
const chinaMinute = (date: Date) => china(date).toISOString().slice(0, 16).replace('T', ' ');

const fixed = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(value));

/** The title as printed: 2026年10月 / 2026年第三季度. */
export function reportTitle(report: Pick<OversightReportState, 'kind' | 'period'>): string {
  if (report.kind === 'monthly') {
    const [year, month] = report.period.split('-');
    return `${year}年${Number(month)}月工程建设项目审批和监管履职情况通报`;
  }
  const [year, quarter] = report.period.split('-Q');
  return `${year}年第${'一二三四'[Number(quarter) - 1]}季度工程建设项目审批和监管督查评分`;
}

interface Column {
  title: string;
  width: number;
  value: (d: DepartmentReport) => string;
}

const COLUMNS: Column[] = [
  { title: '部门', width: 96, value: (d) => d.departmentCode },
  { title: '按时办结', width: 52, value: (d) => String(d.obligations.onTime) },
  { title: '逾期', width: 40, value: (d) => String(d.obligations.late) },
  { title: '办件按时/逾期', width: 72, value: (d) => `${d.applications.decidedOnTime}/${d.applications.decidedLate + d.applications.openOverdue}` },
  { title: '反馈按时/逾期', width: 72, value: (d) => `${d.supervisionTasks.onTime}/${d.supervisionTasks.late}` },
  { title: '承诺核查按时/应核', width: 84, value: (d) => `${d.commitments.verifiedOnTime}/${d.commitments.due}` },
  { title: '收函', width: 36, value: (d) => String(d.letters.received) },
  { title: '已复', width: 36, value: (d) => String(d.letters.answered) },
  { title: '逾期未复', width: 48, value: (d) => String(d.letters.overdue) },
  { title: '督办事项', width: 48, value: (d) => String(d.escalation.obligations) },
  { title: '通报', width: 36, value: (d) => String(d.escalation.circulars) },
  { title: '平均用时', width: 48, value: (d) => fixed(d.applications.averageUsedWorkingDays) },
  { title: '最长用时', width: 48, value: (d) => fixed(d.applications.maxUsedWorkingDays) },
  { title: '违规暂停', width: 48, value: (d) => String(d.applications.illegalClockStopAttempts) },
  { title: '投诉查实', width: 48, value: (d) => String(d.conductComplaintsUpheld ?? 0) },
];
const SCORE_COLUMN: Column = { title: '得分', width: 48, value: (d) => fixed(d.score?.score) };

/**
 * The report as a PDF in Chinese (A4 landscape): title, period, the table of departments, the
 * scoring weights (quarterly) and the sampled applications. Set in the letters' CJK faces
 * (letter-fonts.ts). Deterministic: the document's dates are the report's generation instant,
 * so the same report gives the same bytes.
 */
export function renderOversightReportPdf(report: Readonly<OversightReportState>, options: ReportRenderOptions = {}): Promise<Buffer> {
  const faces = options.fonts ?? letterFontFaces();
  const title = reportTitle(report);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Subject: `${report.kind} ${report.period}`,
      Creator: 'cityworks supervision',
      CreationDate: report.generatedAt,
      ModDate: report.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const regular = loadFont(faces.regular);
  const bold = loadFont(faces.bold);
  doc.registerFont('regular', regular.data, regular.postscriptName);
  doc.registerFont('bold', bold.data, bold.postscriptName);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;

  doc.font('bold').fontSize(18).text(title, MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.5);
  doc
    .font('regular')
    .fontSize(10)
    .text(`统计期间：${chinaDay(report.from)}至${chinaDay(new Date(report.to.getTime() - 1))}（北京时间）\u3000生成时间：${chinaMinute(report.generatedAt)}`, {
      width,
      align: 'center',
    });
  doc.moveDown(0.8);
  const t = report.totals;
  doc.text(
    `合计：按时办结 ${t.onTime} 件，逾期 ${t.late} 件；收到提醒函、督办函 ${t.lettersReceived} 件，逾期未复 ${t.lettersOverdue} 件；督办事项 ${t.escalatedObligations} 件；违规暂停计时 ${t.illegalClockStopAttempts} 次；涉及审批服务的投诉举报查实 ${t.conductComplaintsUpheld ?? 0} 件。`,
    MARGIN,
    doc.y,
    { width },
  );
  doc.moveDown(0.8);

  // narrowed in proportion when the columns are wider than the page
  const chosen = report.weights ? [...COLUMNS, SCORE_COLUMN] : COLUMNS;
  const fit = Math.min(1, width / chosen.reduce((total, c) => total + c.width, 0));
  const columns = chosen.map((c) => ({ ...c, width: c.width * fit }));
  const row = (cells: string[], font: 'regular' | 'bold') => {
    if (doc.y + ROW > bottom) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(font).fontSize(8);
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y + 4, { width: columns[i].width - 4, height: ROW - 4, lineBreak: false, ellipsis: true });
      x += columns[i].width;
    });
    doc
      .moveTo(MARGIN, y + ROW)
      .lineTo(x, y + ROW)
      .lineWidth(0.5)
      .stroke('#888888');
    doc.x = MARGIN;
    doc.y = y + ROW;
  };
  row(
    columns.map((c) => c.title),
    'bold',
  );
  for (const department of report.departments)
    row(
      columns.map((c) => c.value(department)),
      'regular',
    );
  if (!report.departments.length)
    doc
      .font('regular')
      .fontSize(10)
      .text('本期无统计事项。', MARGIN, doc.y + 6, { width });
  doc.moveDown(1);

  doc.font('regular').fontSize(9);
  const note = (text: string) => {
    if (doc.y + 2 * ROW > bottom) doc.addPage();
    doc.text(text, MARGIN, doc.y, { width });
  };
  note(
    '口径：办件以本期办结（按时限内/超时限）及期末仍未办结且已超期者计；监管结果反馈、告知承诺核查以本期到期者计；提醒函、督办函以本期发出者计；用时为法定工作日。',
  );
  if (report.weights) {
    const w = report.weights;
    note(
      `评分：100 × (${w.applications}×办件按时率 + ${w.supervisionTasks}×反馈按时率 + ${w.commitments}×核查按时率 + ${w.letters}×复函按时率) ÷ 有应办事项的权重之和，` +
        `每次违规暂停计时扣 ${w.illegalClockStop} 分，每份督办函扣 ${w.supervisionLetter} 分，每次通报扣 ${w.circular} 分，得分在 0–100 之间。`,
    );
  }
  if (report.sample) {
    const s = report.sample;
    doc.moveDown(0.5);
    note(`随机抽查已办结事项：随机种子 ${s.seed}，抽取 ${s.items.length} 件（计划 ${s.size} 件，总体 ${s.populationSize} 件）。`);
    for (const [i, item] of s.items.entries())
      note(
        `${i + 1}. ${item.applicationId}\u3000${item.departmentCode}\u3000${item.itemCode}\u3000项目 ${item.projectCode}\u3000办结 ${chinaDay(new Date(item.decidedAt))}\u3000用时 ${fixed(item.usedWorkingDays)}/${fixed(item.timeLimitWorkingDays)} 个工作日`,
      );
  }
  doc.end();
  return done;
}
