import PDFDocument from 'pdfkit';
import type { LetterState } from '../domain/letter';
import { letterFontFaces, LetterFontFaces, loadFont } from './letter-fonts';
import { LetterText, letterText } from './letter-text';

/** GB/T 9704-2012 measures in millimetres; pdfkit in points. */
const mm = (v: number) => (v * 72) / 25.4;

/** A4, 版心 156 mm × 225 mm: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm (GB/T 9704 §5.2). */
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const TEXT_BOTTOM = PAGE.height - MARGIN.bottom;
/** 3号 (16 pt) for the text, 22 lines a page (§5.2.3) */
const BODY_SIZE = 16;
const STANDARD_PITCH = mm(225) / 22;
/** 2号 (22 pt) for the title */
const TITLE_SIZE = 22;
const TITLE_GAP = mm(2);
/** 4号 (14 pt) for 版记 and page numbers */
const NOTE_SIZE = 14;
const NOTE_ROW = mm(10);
const MARK_SIZE = 30;
/** the red of the mark and the separator line (发文机关标志, 红色分隔线) */
const RED = '#D40000';
/** the mark stands 35 mm from the top edge (§7.2.2) */
const MARK_TOP = mm(35);
/** two characters: paragraph indent (左空二字), signature inset (右空二字) */
const TWO_CHARS = 2 * BODY_SIZE;

type Doc = PDFKit.PDFDocument;
/** pdfkit reads `horizontalScaling` (condensed type, as a long 发文机关标志 is set); its typings lack it. */
type TextOptions = PDFKit.Mixins.TextOptions & { horizontalScaling?: number };

export interface RenderOptions {
  /** false in tests: the content streams stay readable for a text check */
  compress?: boolean;
  fonts?: LetterFontFaces;
}

/**
 * Renders a 提醒函 / 督办函 as an official document after GB/T 9704-2012: the issuing office's
 * mark in red, the number, the red separator, the title, 主送机关, the text, signature and date,
 * and the 版记 (抄送, 印发) at the foot of the last page, page numbers as “— 1 —”.
 *
 * Deterministic: the same letter gives the same bytes (the document's dates are the issue
 * instant, and pdfkit derives the file id and the font-subset tags from them). The service
 * still serves the bytes stored when the letter was issued, never a fresh rendering.
 */
export function renderLetterPdf(letter: Readonly<LetterState>, options: RenderOptions = {}): Promise<Buffer> {
  const text = letterText(letter);
  const faces = options.fonts ?? letterFontFaces();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: text.title,
      Subject: text.number,
      Author: text.signature,
      Creator: 'cityworks supervision',
      CreationDate: letter.issuedAt,
      ModDate: letter.issuedAt,
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

  const pitch = linePitch(doc, text);
  const lineY = drawHead(doc, text.mark, text.number, pitch);
  drawTitleAndText(doc, text, lineY, pitch);
  drawSignature(doc, text.signature, text.date, pitch);
  drawFootnotes(doc, text.copyTo, text.printedBy, text.printedOn);
  drawPageNumbers(doc);
  doc.end();
  return done;
}

/** Sets the text font; answers the line gap that makes lines `pitch` apart. */
function bodyFont(doc: Doc, pitch: number): number {
  doc.font('regular').fontSize(BODY_SIZE).fillColor('black');
  return Math.max(0, pitch - doc.currentLineHeight());
}

/**
 * 22 lines a page, unless the letter then leaves its signature or 版记 alone on a second page:
 * GB/T 9704 §7.3.5.4 says to close up the lines instead, which is done here down to the point
 * where lines would touch. A letter longer than that simply runs on.
 */
function linePitch(doc: Doc, text: LetterText): number {
  bodyFont(doc, 0);
  const smallest = doc.currentLineHeight() + 1;
  for (let pitch = STANDARD_PITCH; pitch >= smallest; pitch -= 0.25) if (letterBottom(doc, text, pitch) <= TEXT_BOTTOM) return pitch;
  return STANDARD_PITCH;
}

/** Where the 版记 of a one-page letter would end, with lines `pitch` apart. */
function letterBottom(doc: Doc, text: LetterText, pitch: number): number {
  let y = titleTop(doc, headBottom(doc, pitch), pitch);
  doc.font('bold').fontSize(TITLE_SIZE);
  y += doc.heightOfString(text.title, { width: TEXT_WIDTH, lineGap: TITLE_GAP }) + pitch;
  const lineGap = bodyFont(doc, pitch);
  y += pitch;
  for (const paragraph of text.body) y += doc.heightOfString(paragraph, { width: TEXT_WIDTH, indent: TWO_CHARS, lineGap });
  return y + 3 * pitch + footnotesHeight(text.copyTo);
}

function headBottom(doc: Doc, pitch: number): number {
  doc.font('bold').fontSize(MARK_SIZE);
  const markHeight = doc.currentLineHeight();
  bodyFont(doc, pitch);
  return MARK_TOP + markHeight + 2 * pitch + doc.currentLineHeight() + mm(4);
}

/** 标题: two lines under the separator. */
function titleTop(doc: Doc, lineY: number, pitch: number): number {
  doc.font('bold').fontSize(TITLE_SIZE);
  return lineY + 2 * pitch - doc.currentLineHeight() / 2;
}

/** 发文机关标志 (red, centred, condensed to one line when long), 发文字号, 红色分隔线; answers the line's y. */
function drawHead(doc: Doc, mark: string, number: string, pitch: number): number {
  // a long name is condensed (长宋, as printed marks are) down to 60 %, then set smaller
  doc.font('bold').fontSize(MARK_SIZE).fillColor(RED);
  const markHeight = doc.currentLineHeight();
  const fit = (TEXT_WIDTH / doc.widthOfString(mark)) * 100;
  const horizontalScaling = Math.floor(Math.min(100, Math.max(60, fit)));
  if (fit < 60) doc.fontSize((MARK_SIZE * fit) / 60);
  const markOptions: TextOptions = { lineBreak: false, horizontalScaling };
  doc.text(mark, MARGIN.left + (TEXT_WIDTH - doc.widthOfString(mark, markOptions)) / 2, MARK_TOP, markOptions);

  // 发文字号: two blank lines under the mark, centred
  const lineGap = bodyFont(doc, pitch);
  const numberTop = MARK_TOP + markHeight + 2 * pitch;
  doc.text(number, MARGIN.left, numberTop, { width: TEXT_WIDTH, align: 'center', lineGap });

  // 红色分隔线: 4 mm under the number, as wide as the text block
  const lineY = numberTop + doc.currentLineHeight() + mm(4);
  doc
    .save()
    .moveTo(MARGIN.left, lineY)
    .lineTo(MARGIN.left + TEXT_WIDTH, lineY)
    .lineWidth(1.2)
    .strokeColor(RED)
    .stroke()
    .restore();
  return lineY;
}

/** 标题, then 主送机关 one line under it (空一行), then the text, each paragraph 左空二字. */
function drawTitleAndText(doc: Doc, text: LetterText, lineY: number, pitch: number): void {
  const top = titleTop(doc, lineY, pitch);
  doc.fillColor('black').text(text.title, MARGIN.left, top, { width: TEXT_WIDTH, align: 'center', lineGap: TITLE_GAP });
  const lineGap = bodyFont(doc, pitch);
  doc.text(text.addressee, MARGIN.left, doc.y + pitch, { width: TEXT_WIDTH, lineGap });
  text.body.forEach((paragraph, i) => {
    const options = { width: TEXT_WIDTH, indent: TWO_CHARS, lineGap };
    // the closing paragraph (特此函告。) keeps the signature company: neither stands alone on a page
    const height = doc.heightOfString(paragraph, options);
    if (i === text.body.length - 1 && doc.y + height <= TEXT_BOTTOM && doc.y + height + 3 * pitch > TEXT_BOTTOM) doc.addPage();
    doc.text(paragraph, MARGIN.left, doc.y, options);
  });
}

/**
 * 发文机关署名 one line under the text, 右空二字; 成文日期 on the next line, its first character two
 * characters right of the signature's (§7.3.5.2, a letter without a seal).
 */
function drawSignature(doc: Doc, signature: string, date: string, pitch: number): void {
  const lineGap = bodyFont(doc, pitch);
  const right = MARGIN.left + TEXT_WIDTH - TWO_CHARS;
  const dateWidth = doc.widthOfString(date);
  let signatureX = right - doc.widthOfString(signature);
  let dateX = signatureX + TWO_CHARS;
  if (dateX + dateWidth > right) {
    dateX = right - dateWidth;
    signatureX = Math.min(signatureX, dateX - TWO_CHARS);
  }
  if (doc.y + 3 * pitch > TEXT_BOTTOM) doc.addPage();
  const top = doc.y + pitch;
  doc.text(signature, Math.max(MARGIN.left, signatureX), top, { lineBreak: false, lineGap });
  doc.text(date, dateX, top + pitch, { lineBreak: false, lineGap });
  doc.y = top + 2 * pitch;
}

function footnotesHeight(copyTo: string | null): number {
  return (copyTo ? 2 : 1) * NOTE_ROW + mm(4);
}

/**
 * 版记 at the foot of the last page: 抄送 (when any) and 印发机关 with 印发日期 between a thick
 * first and last rule, a thin rule between them (§7.4).
 */
function drawFootnotes(doc: Doc, copyTo: string | null, printedBy: string, printedOn: string): void {
  if (doc.y + footnotesHeight(copyTo) > TEXT_BOTTOM) doc.addPage();
  const left = MARGIN.left;
  const right = MARGIN.left + TEXT_WIDTH;
  const rule = (y: number, width: number) => doc.save().moveTo(left, y).lineTo(right, y).lineWidth(width).strokeColor('black').stroke().restore();
  let y = TEXT_BOTTOM - (copyTo ? 2 : 1) * NOTE_ROW;
  rule(y, 1);
  doc.font('regular').fillColor('black');
  if (copyTo) {
    // 抄送机关 one character in from either side; the name runs on after the colon
    doc.fontSize(fitSize(doc, copyTo, TEXT_WIDTH - 2 * NOTE_SIZE, NOTE_SIZE));
    doc.text(copyTo, left + NOTE_SIZE, y + (NOTE_ROW - doc.currentLineHeight()) / 2 + 1, { lineBreak: false });
    y += NOTE_ROW;
    rule(y, 0.7);
  }
  // 印发机关 left, 印发日期 right, each one character in; a long office name is set smaller to fit
  doc.fontSize(fitSize(doc, `${printedBy}${printedOn}`, TEXT_WIDTH - 3 * NOTE_SIZE, NOTE_SIZE));
  const textY = y + (NOTE_ROW - doc.currentLineHeight()) / 2 + 1;
  doc.text(printedBy, left + NOTE_SIZE, textY, { lineBreak: false });
  doc.text(printedOn, right - NOTE_SIZE - doc.widthOfString(printedOn), textY, { lineBreak: false });
  rule(y + NOTE_ROW, 1);
}

/** “— 1 —” 7 mm under the text block: odd pages right, even pages left, one character in (§7.5). */
function drawPageNumbers(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // below the text block's lower edge: keep pdfkit from turning the page
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const label = `— ${i + 1} —`;
    doc.font('regular').fontSize(NOTE_SIZE).fillColor('black');
    const width = doc.widthOfString(label);
    const x = i % 2 === 0 ? MARGIN.left + TEXT_WIDTH - NOTE_SIZE - width : MARGIN.left + NOTE_SIZE;
    doc.text(label, x, TEXT_BOTTOM + mm(7), { lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}

/** The size, at most `size`, at which `text` fits `width` (never below 9 pt). */
function fitSize(doc: Doc, text: string, width: number, size: number): number {
  doc.fontSize(size);
  const natural = doc.widthOfString(text);
  return natural <= width ? size : Math.max(9, Math.floor(((size * width) / natural) * 10) / 10);
}
