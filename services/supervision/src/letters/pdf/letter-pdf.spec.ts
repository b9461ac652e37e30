import { pdfText } from '../../../testing/pdf-text';
import { missingLetterFonts } from './letter-fonts';
import { renderLetterPdf } from './letter-pdf';
import { letterText } from './letter-text';
import { sampleLetter } from './sample-letter';

describe('the letter as a PDF (GB/T 9704)', () => {
  beforeAll(() => {
    // installed by deploy/local/provision.sh (npm start, npm test): a missing font is a broken machine
    expect(missingLetterFonts()).toEqual([]);
  });

  it('writes a 督办函 in Chinese: mark, number, title, addressee, text, signature, 抄送 and 印发', async () => {
    const letter = sampleLetter('督办函');
    const pdf = await renderLetterPdf(letter, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const shown = pdfText(pdf);
    const all = shown.join('');
    expect(shown).toContain('铁东区工程建设项目审批制度改革领导小组办公室');
    expect(shown).toContain('铁东工改办督〔2026〕12号');
    expect(shown).toContain('鞍山市铁东区行政审批局：');
    expect(all).toContain('关于督促办理鞍山市铁东区滨河小学改扩建工程「建筑工程施工许可证核发」办件的督办函');
    expect(all).toContain('应于2026年11月27日前办结');
    expect(all).toContain('我办已于2026年11月23日以铁东工改办提〔2026〕31号函提醒');
    expect(all).toContain('于2026年12月8日前作出审批决定并办结');
    expect(shown).toContain('2026年12月3日');
    expect(shown).toContain('抄送：铁东区工程建设项目审批制度改革领导小组办公室。');
    expect(shown).toContain('2026年12月3日印发');
    expect(shown).toEqual(expect.arrayContaining(['— 1 —', '— 2 —']));
  });

  it('sends a 提醒函 to the unit alone and says the 督办函 comes next', async () => {
    const letter = sampleLetter('提醒函');
    const all = pdfText(await renderLetterPdf(letter, { compress: false })).join('');
    expect(all).toContain('铁东工改办提〔2026〕31号');
    expect(all).toContain('的提醒函');
    expect(all).toContain('我办将发出督办函');
    expect(all).not.toContain('抄送');
  });

  it('gives the same bytes for the same letter, compressed as stored', async () => {
    const letter = sampleLetter('督办函');
    const [a, b] = [await renderLetterPdf(letter), await renderLetterPdf(letter)];
    expect(a.equals(b)).toBe(true);
    expect(pdfText(a)).toContain('铁东工改办督〔2026〕12号');
  });

  it('words a letter without project or item codes', () => {
    const letter = sampleLetter('提醒函');
    const text = letterText({ ...letter, obligation: { ...letter.obligation, projectCode: null, itemCode: null } });
    expect(text.body[0]).toBe(
      '鞍山市铁东区滨河小学改扩建工程「建筑工程施工许可证核发」办件应于2026年11月27日前办结，截至本函发出之日仍未办结，已超过规定时限。',
    );
  });
});
