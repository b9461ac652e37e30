import { CsvSyntaxError, formatCsv, parseCsv } from './csv';

describe('CSV as spreadsheets write it', () => {
  it('reads quoted cells with commas, quotes and line breaks, CRLF, a byte-order mark, and skips blank lines', () => {
    const text = '\ufeffcode,name,materials\r\nA,"规划许可, 临时","申请表\n""承诺书"""\r\n\r\nB,施工许可,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['code', 'name', 'materials'] },
      { line: 2, cells: ['A', '规划许可, 临时', '申请表\n"承诺书"'] },
      { line: 5, cells: ['B', '施工许可', ''] },
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,x"2"\n')).toThrow(expect.objectContaining({ line: 2 }));
    expect(() => parseCsv('a,b\n1,"2"x\n')).toThrow(/closing quote/);
  });

  it('writes what it reads back', () => {
    const rows = [
      ['code', 'name'],
      ['A', '含,逗号'],
      ['B', '含"引号"'],
      ['C', ' 前后空格 '],
    ];
    expect(parseCsv(formatCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });
});
