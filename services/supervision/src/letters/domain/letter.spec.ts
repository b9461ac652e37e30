import { EscalationEventTypes, LetterIssuedV1, LetterRepliedV1 } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { Letter, LetterDraft } from './letter';
import { chineseDate, issueYear, letterNumber } from './letter-number';

const draft = (overrides: Partial<LetterDraft> = {}): LetterDraft => ({
  id: '7b0c5a9e-0000-4000-8000-000000000001',
  claimKey: 'application-A1:督办函',
  kind: '督办函',
  office: { code: 'AS-TD-GGB-LETTERS', name: '铁东区工程建设项目审批制度改革领导小组办公室', shortName: '铁东工改办', departmentCode: 'AS-TD-GGB' },
  addressee: { departmentCode: 'AS-TD-XZSPJ', name: '鞍山市铁东区行政审批局' },
  obligation: {
    kind: 'application',
    id: 'A1',
    title: '项目 P-1「建筑工程施工许可证核发」办件',
    regionCode: '210302',
    projectCode: 'P-1',
    itemCode: 'JS-SGXK-001',
  },
  demandedAction: '作出审批决定并办结',
  missedDueAt: new Date('2026-11-20T15:59:59.999Z'),
  replyDueAt: new Date('2026-12-08T15:59:59.999Z'),
  follows: null,
  ...overrides,
});
const issuedAt = new Date('2026-12-03T02:00:00Z');

describe('letter numbers (发文字号)', () => {
  it('reads office short name, 代字, 〔year〕, sequence, 号', () => {
    expect(letterNumber('铁东工改办', '督办函', 2026, 12)).toBe('铁东工改办督〔2026〕12号');
    expect(letterNumber('鞍工改办', '提醒函', 2027, 1)).toBe('鞍工改办提〔2027〕1号');
    expect(() => letterNumber('鞍工改办', '提醒函', 2027, 0)).toThrow(RangeError);
  });

  it('takes the year of issue in China time', () => {
    expect(issueYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    // 2027-01-01 00:00 in Beijing, still 2026 in UTC
    expect(issueYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('writes days the way official documents do', () => {
    expect(chineseDate(new Date('2026-12-03T02:00:00Z'))).toBe('2026年12月3日');
    expect(chineseDate(new Date('2026-10-10T15:59:59.999Z'))).toBe('2026年10月10日');
    expect(chineseDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027年1月1日');
  });
});

describe('Letter', () => {
  it('issues a 督办函 copied to the 工改办, numbered for the year of issue, and announces it', () => {
    const { letter, transition } = Letter.issue(draft(), 12, issuedAt);
    expect(letter.snapshot).toMatchObject({
      number: '铁东工改办督〔2026〕12号',
      year: 2026,
      sequence: 12,
      status: 'issued',
      copyTo: { departmentCode: 'AS-TD-GGB', name: '铁东区工程建设项目审批制度改革领导小组办公室' },
    });
    expect(transition.action).toBe('letter.issued');
    expect(transition.events).toHaveLength(1);
    const [event] = transition.events;
    expect(event.type).toBe(EscalationEventTypes.letterIssued);
    expect(event.subject).toBe(letter.id);
    expect(event.data as LetterIssuedV1).toMatchObject({
      number: '铁东工改办督〔2026〕12号',
      kind: '督办函',
      addresseeDepartmentCode: 'AS-TD-XZSPJ',
      copyToDepartmentCode: 'AS-TD-GGB',
      replyDueAt: '2026-12-08T15:59:59.999Z',
      claimKey: 'application-A1:督办函',
    });
  });

  it('sends a 提醒函 to the unit alone', () => {
    const { letter } = Letter.issue(draft({ kind: '提醒函' }), 3, issuedAt);
    expect(letter.snapshot.number).toBe('铁东工改办提〔2026〕3号');
    expect(letter.snapshot.copyTo).toBeNull();
  });

  it('refuses a reply deadline not after the missed one, and a letter that names nothing', () => {
    expect(() => Letter.issue(draft({ replyDueAt: new Date('2026-11-20T15:59:59.999Z') }), 1, issuedAt)).toThrow(
      expect.objectContaining({ kind: 'rule', message: expect.stringContaining('replyDueAt') }),
    );
    expect(() => Letter.issue(draft({ demandedAction: ' \u3000' }), 1, issuedAt)).toThrow(RuleViolation);
    expect(() => Letter.issue(draft({ obligation: { ...draft().obligation, title: '' } }), 1, issuedAt)).toThrow(RuleViolation);
  });

  it('is received once (签收)', () => {
    const { letter } = Letter.issue(draft(), 1, issuedAt);
    const at = new Date('2026-12-04T01:00:00Z');
    const t = letter.markReceived('td-spj-1', at);
    expect(t).toMatchObject({ action: 'letter.received', before: { status: 'issued' }, after: { status: 'received' } });
    expect(t.events.map((e) => e.type)).toEqual([EscalationEventTypes.letterReceived]);
    expect(letter.snapshot).toMatchObject({ status: 'received', receivedAt: at, receivedBy: 'td-spj-1' });
    expect(() => letter.markReceived('td-spj-1', at)).toThrow(expect.objectContaining({ kind: 'state' }));
  });

  it('is answered once, with attachments by reference; a reply receives an unreceived letter too', () => {
    const { letter } = Letter.issue(draft(), 1, issuedAt);
    const at = new Date('2026-12-05T01:00:00Z');
    const t = letter.reply('已于12月4日作出准予许可决定并办结。', [{ name: '决定书.pdf', uri: 'https://files.example/decision/1' }], 'td-spj-1', at);
    expect(t.events.map((e) => e.type)).toEqual([EscalationEventTypes.letterReceived, EscalationEventTypes.letterReplied]);
    expect(t.events[1].data as LetterRepliedV1).toMatchObject({ late: false, attachments: [{ name: '决定书.pdf', uri: 'https://files.example/decision/1' }] });
    expect(letter.snapshot).toMatchObject({ status: 'replied', receivedAt: at, repliedAt: at, replyText: '已于12月4日作出准予许可决定并办结。' });
    expect(() => letter.reply('again', [], 'td-spj-1', at)).toThrow(expect.objectContaining({ kind: 'state' }));
    expect(() => letter.markReceived('td-spj-1', at)).toThrow(expect.objectContaining({ kind: 'state' }));
  });

  it('refuses a blank reply', () => {
    const { letter } = Letter.issue(draft(), 1, issuedAt);
    expect(() => letter.reply('  ', [], 'u', issuedAt)).toThrow(expect.objectContaining({ kind: 'rule' }));
    expect(letter.snapshot.status).toBe('issued');
  });

  it('is overdue while unanswered past the reply deadline, and a late reply says so', () => {
    const { letter } = Letter.issue(draft(), 1, issuedAt);
    const due = draft().replyDueAt.getTime();
    expect(letter.shownStatus(new Date(due))).toBe('issued');
    expect(letter.shownStatus(new Date(due + 1))).toBe('overdue');
    letter.markReceived('u', new Date(due - 1000));
    expect(letter.shownStatus(new Date(due + 1))).toBe('overdue');
    const t = letter.reply('逾期办结', [], 'u', new Date(due + 1));
    expect((t.events[0].data as LetterRepliedV1).late).toBe(true);
    expect(letter.shownStatus(new Date(due + 1))).toBe('replied');
  });
});
