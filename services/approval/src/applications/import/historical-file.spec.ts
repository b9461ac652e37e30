import { MAX_ROWS, RowError } from '@cityworks/platform';
import { clockStopsFromCell, historicalFileFromCsv, historicalFileFromJson } from './historical-file';

const HEADER = 'sourceRef,projectCode,itemCode,departmentCode,regionCode,ownerUscc,onCommitment,acceptedAt,clockStops,decidedAt,decision,decisionReason';
const USCC = '91350100M000100Y43';
const row = (cells: Partial<Record<string, string>> = {}): string => {
  const values: Record<string, string> = {
    sourceRef: 'OLD-1',
    projectCode: '2026-210302-47-01-000123',
    itemCode: 'JS-SGXK-001',
    departmentCode: 'AS-XZSPJ',
    regionCode: '210302',
    ownerUscc: USCC,
    onCommitment: '',
    acceptedAt: '2026-02-11T10:00:00+08:00',
    clockStops: '',
    decidedAt: '2026-03-03T16:00:00+08:00',
    decision: 'approved',
    decisionReason: '',
    ...cells,
  };
  return HEADER.split(',')
    .map((c) => values[c])
    .join(',');
};
const jsonRow = (fields: Record<string, unknown> = {}) => ({
  sourceRef: 'OLD-1',
  projectCode: '2026-210302-47-01-000123',
  itemCode: 'JS-SGXK-001',
  departmentCode: 'AS-XZSPJ',
  regionCode: '210302',
  ownerUscc: USCC,
  acceptedAt: '2026-02-11T10:00:00+08:00',
  decidedAt: '2026-03-03T16:00:00+08:00',
  decision: 'approved',
  ...fields,
});
/** [row, column, rule] of every error, as a refusal lists them */
const listed = (errors: RowError[]) => errors.flatMap((e) => Object.keys(e.rules).map((rule) => [e.row, e.column, rule]));

describe('a file of historical applications (迁移): reading and shape', () => {
  it('reads CSV as spreadsheets write it: byte-order mark, Chinese titles, quoted cells with commas, quotes and line breaks, several clock-stops in one cell', async () => {
    const text =
      '\ufeff原办件编号,项目代码,事项编码,实施部门,行政区划,统一社会信用代码,告知承诺,受理时间,暂停计时,办结时间,审批结果,理由\r\n' +
      `OLD-1,P-1,JS-SGXK-001,AS-XZSPJ,210302,${USCC},是,2026-02-11T10:00:00+08:00,"补正材料@2026-02-13T09:00:00+08:00/2026-02-16T10:00:00+08:00；技术审查@2026-02-24T09:00:00+08:00/2026-02-25T10:00:00+08:00",2026-03-03T16:00:00+08:00,rejected,"材料不全, 经补正仍""不符合""
《建筑法》第八条"\r\n` +
      `OLD-2,P-2,JS-SGXK-001,AS-XZSPJ,210302,${USCC},否,2026-02-12T10:00:00Z,,2026-02-26T10:00:00.5+08:00,approved,\r\n`;
    const file = await historicalFileFromCsv(text);
    expect(file.errors).toEqual([]);
    expect(file.applications.map((a) => a.row)).toEqual([2, 4]);
    const [first, second] = file.applications;
    expect(first).toMatchObject({
      sourceRef: 'OLD-1',
      accepted: { projectCode: 'P-1', itemCode: 'JS-SGXK-001', departmentCode: 'AS-XZSPJ', regionCode: '210302', ownerUscc: USCC, onCommitment: true },
      acceptedAt: new Date('2026-02-11T02:00:00Z'),
      clockStops: [
        { reason: '补正材料', from: new Date('2026-02-13T01:00:00Z'), to: new Date('2026-02-16T02:00:00Z') },
        { reason: '技术审查', from: new Date('2026-02-24T01:00:00Z'), to: new Date('2026-02-25T02:00:00Z') },
      ],
      decidedAt: new Date('2026-03-03T08:00:00Z'),
      decision: 'rejected',
      decisionReason: '材料不全, 经补正仍"不符合"\n《建筑法》第八条',
    });
    expect(first.titles.acceptedAt).toBe('受理时间');
    expect(second).toMatchObject({ accepted: { onCommitment: false }, clockStops: [], decisionReason: null, decidedAt: new Date('2026-02-26T02:00:00.500Z') });
  });

  it('reads the JSON form, { "applications": [...] }, with the clock-stops as objects and null for what is left out', async () => {
    const file = await historicalFileFromJson({
      applications: [
        jsonRow({ clockStops: [{ reason: '补正材料', from: '2026-02-13T09:00:00+08:00', to: '2026-02-25T10:00:00+08:00' }], onCommitment: null }),
        jsonRow({ sourceRef: 'OLD-2', clockStops: null, decision: 'rejected', decisionReason: '不符合法定条件' }),
      ],
    });
    expect(file.errors).toEqual([]);
    expect(file.applications).toEqual([
      expect.objectContaining({
        row: 1,
        accepted: expect.objectContaining({ onCommitment: false }),
        clockStops: [expect.objectContaining({ reason: '补正材料' })],
      }),
      expect.objectContaining({ row: 2, clockStops: [], decision: 'rejected', decisionReason: '不符合法定条件' }),
    ]);
  });

  it('reads a clock-stop cell as reason@from/to, several separated by ; or ；, and names the part it cannot read', () => {
    expect(clockStopsFromCell(' 补正材料@2026-02-10T09:00:00+08:00/2026-02-24T10:00:00+08:00 ; 听证@2026-03-01T09:00:00Z/2026-03-02T09:00:00Z;')).toEqual({
      stops: [
        { reason: '补正材料', from: '2026-02-10T09:00:00+08:00', to: '2026-02-24T10:00:00+08:00' },
        { reason: '听证', from: '2026-03-01T09:00:00Z', to: '2026-03-02T09:00:00Z' },
      ],
    });
    expect(clockStopsFromCell('补正材料@2026-02-10T09:00:00+08:00/2026-02-24T10:00:00+08:00;补正材料 2026-02-25')).toEqual({
      error: expect.stringContaining('clock-stop 2 ("补正材料 2026-02-25") must read reason@from/to'),
    });
  });

  it('refuses a CSV whose header lacks required columns, names unknown ones, or whose quotes are broken', async () => {
    const header = await historicalFileFromCsv(
      'sourceRef,projectCode,itemCode,departmentCode,regionCode,ownerUscc,受理时间,decision,colour\nA,B,C,D,E,F,G,H,I\n',
    );
    expect(listed(header.errors)).toEqual([
      [1, 'colour', 'knownColumn'],
      [1, 'decidedAt', 'requiredColumn'],
    ]);
    expect(header.applications).toEqual([]);
    const quote = await historicalFileFromCsv(`${HEADER}\n${row({ decisionReason: '"open' })}\n`);
    expect(listed(quote.errors)).toEqual([[2, '', 'csv']]);
    expect(listed((await historicalFileFromCsv(`${HEADER}\n`)).errors)).toEqual([[0, '', 'notEmpty']]);
    expect(listed((await historicalFileFromCsv('')).errors)).toEqual([[0, '', 'notEmpty']]);
  });

  it('checks every row against the schema and lists every problem by row, column and rule', async () => {
    const text = [
      HEADER,
      row(), // good
      row({ ownerUscc: '91350100M000100Y44', regionCode: '21' }), // check character, 6 digits
      row({ acceptedAt: '2026-02-11 10:00:00', decidedAt: '2026-02-30T10:00:00+08:00' }), // no offset, no such day
      row({ decision: 'approved on commitment', onCommitment: 'maybe' }),
      row({ decision: 'rejected', decisionReason: '   ' }), // a rejection says why
      row({ clockStops: '暂停@2026-02-13T09:00:00+08:00/2026-02-14T09:00:00+08:00' }), // not a clock-stop reason
      row({ clockStops: '补正材料 from the 13th' }), // not reason@from/to
      row({ sourceRef: 'X'.repeat(129), projectCode: 'P 8', itemCode: '', departmentCode: '' }),
      `${row()},surplus`,
    ].join('\n');
    const file = await historicalFileFromCsv(text);
    expect(file.applications.map((a) => a.row)).toEqual([2]);
    expect(listed(file.errors).sort()).toEqual(
      [
        [3, 'ownerUscc', 'isUscc'],
        [3, 'regionCode', 'matches'],
        [4, 'acceptedAt', 'isIso8601'],
        [4, 'acceptedAt', 'matches'],
        [4, 'decidedAt', 'isIso8601'],
        [5, 'decision', 'isIn'],
        [5, 'onCommitment', 'isBoolean'],
        [6, 'decisionReason', 'isString'],
        [6, 'decisionReason', 'matches'],
        [6, 'decisionReason', 'maxLength'],
        [7, 'clockStops', 'isIn'],
        [8, 'clockStops', 'clockStopFormat'],
        [9, 'departmentCode', 'matches'],
        [9, 'itemCode', 'matches'],
        [9, 'projectCode', 'matches'],
        [9, 'sourceRef', 'maxLength'],
        [10, '', 'columnCount'],
      ].sort(),
    );
    expect(file.errors.find((e) => e.row === 7)?.field).toBe('clockStops.0.reason');
    // every row is kept for the department check, good or bad
    expect(file.rows).toHaveLength(9);
  });

  it('refuses JSON that is not { "applications": [ objects ] }, unknown fields at any level, and an empty or too long list', async () => {
    expect(listed((await historicalFileFromJson([jsonRow()])).errors)).toEqual([[0, '', 'isObject']]);
    expect(listed((await historicalFileFromJson({ applications: [] })).errors)).toEqual([[0, 'applications', 'arrayMinSize']]);
    expect(listed((await historicalFileFromJson({ items: [jsonRow()] })).errors).sort()).toEqual(
      [
        [0, 'applications', 'isArray'],
        [0, 'applications', 'arrayMinSize'],
        [0, 'applications', 'arrayMaxSize'],
        [0, 'items', 'whitelistValidation'],
      ].sort(),
    );
    const tooLong = await historicalFileFromJson({ applications: Array.from({ length: MAX_ROWS + 1 }, () => jsonRow()) });
    expect(listed(tooLong.errors)).toEqual([[0, 'applications', 'arrayMaxSize']]);
    expect(tooLong.rows).toEqual([]);
    const file = await historicalFileFromJson({
      applications: [
        'OLD-1',
        jsonRow({ colour: 'red', clockStops: [{ reason: '补正材料', from: '2026-02-13T09:00:00+08:00', to: '2026-02-14T09:00:00+08:00', note: 'x' }] }),
        jsonRow({ clockStops: '补正材料@2026-02-13T09:00:00+08:00/2026-02-14T09:00:00+08:00', onCommitment: 'true' }),
        jsonRow({ decision: 'rejected' }),
        jsonRow({ sourceRef: ' OLD-5' }),
      ],
      note: 'migration batch 1',
    });
    expect(listed(file.errors).sort()).toEqual(
      [
        [0, 'note', 'whitelistValidation'],
        [1, '', 'isObject'],
        [2, 'colour', 'whitelistValidation'],
        [2, 'clockStops', 'whitelistValidation'],
        [3, 'clockStops', 'arrayMaxSize'],
        [3, 'clockStops', 'isArray'],
        [3, 'clockStops', 'nestedValidation'],
        [3, 'onCommitment', 'isBoolean'],
        [4, 'decisionReason', 'isString'],
        [4, 'decisionReason', 'matches'],
        [4, 'decisionReason', 'maxLength'],
        [5, 'sourceRef', 'matches'],
      ].sort(),
    );
    expect(file.errors.find((e) => e.row === 2 && e.column === 'clockStops')?.field).toBe('clockStops.0.note');
  });
});
