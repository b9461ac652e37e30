import { CreditEventTypes } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { addCalendarMonths } from '@cityworks/calendar';
import { ApplyForRepairInput, CreditRepair, DEFAULT_REPAIR_TERMS, earliestRepairOn, RepairableRecord, repairTermsFrom } from './credit-repair';

describe('信用修复 (CreditRepair)', () => {
  // 2026-11-30 12:00 in China
  const now = new Date('2026-11-30T04:00:00Z');
  const record = (over: Partial<RepairableRecord> = {}): RepairableRecord => ({
    id: 'rec-1',
    uscc: '91350100M000100Y43',
    kind: 'bad',
    severity: 'serious',
    sourceDepartmentCode: 'AS-ZJJ',
    decidedOn: '2026-05-30',
    expiresOn: '2028-05-29',
    repaired: false,
    ...over,
  });
  const input = (over: Partial<ApplyForRepairInput> = {}): ApplyForRepairInput => ({
    applicantName: '王建国',
    correction: '已补齐安全防护设施并完成全员安全培训',
    evidence: [{ kind: '整改报告', reference: '铁东住建整改〔2026〕7号', title: null }],
    appliedBy: 'zjj-xy-1',
    ...over,
  });
  const apply = (r = record(), over: Partial<ApplyForRepairInput> = {}, open: string | null = null) =>
    CreditRepair.apply(r, open, input(over), DEFAULT_REPAIR_TERMS, 'rep-1', now);
  const refusal = (fn: () => unknown): RuleViolation => {
    try {
      fn();
    } catch (e) {
      if (e instanceof RuleViolation) return e;
      throw e;
    }
    throw new Error('expected a RuleViolation');
  };

  describe('the minimum period', () => {
    it('counts whole calendar months from 认定日期, to the month’s last day when shorter', () => {
      expect(addCalendarMonths('2026-05-30', 6)).toBe('2026-11-30');
      expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
      expect(addCalendarMonths('2026-01-15', 12)).toBe('2027-01-15');
      expect(addCalendarMonths('2026-11-30', -13)).toBe('2025-10-30');
      expect(addCalendarMonths('2026-03-31', -1)).toBe('2026-02-28');
      expect(earliestRepairOn({ decidedOn: '2026-01-31', severity: 'minor' }, DEFAULT_REPAIR_TERMS)).toBe('2026-04-30');
    });

    it('reads each severity’s months from the environment and refuses a bad value naming the variable', () => {
      expect(repairTermsFrom({})).toEqual({ minor: 3, serious: 6, severe: 12 });
      expect(repairTermsFrom({ CREDIT_REPAIR_MIN_MONTHS_MINOR: '1', CREDIT_REPAIR_MIN_MONTHS_SEVERE: ' 60 ' })).toEqual({ minor: 1, serious: 6, severe: 60 });
      for (const bad of ['0', '61', '2.5', '-3', 'six'])
        expect(() => repairTermsFrom({ CREDIT_REPAIR_MIN_MONTHS_SERIOUS: bad })).toThrow(
          `CREDIT_REPAIR_MIN_MONTHS_SERIOUS must be a whole number of months from 1 to 60 (got "${bad}")`,
        );
    });
  });

  describe('applying', () => {
    it('files a pending application on the day the minimum period has run, auditing no applicant or free text', () => {
      const { repair, transition } = apply();
      expect(repair.snapshot).toMatchObject({
        id: 'rep-1',
        recordId: 'rec-1',
        departmentCode: 'AS-ZJJ',
        status: 'pending',
        applicantName: '王建国',
        appliedAt: now,
        decidedAt: null,
      });
      expect(transition).toEqual({
        action: 'credit-repair.applied',
        before: null,
        after: { status: 'pending', recordId: 'rec-1', uscc: '91350100M000100Y43', evidenceCount: 1, earliestRepairOn: '2026-11-30' },
        events: [],
      });
      expect(JSON.stringify(transition)).not.toContain('王建国');
    });

    it.each([
      ['a 守信 record', record({ kind: 'good', severity: null }), 'is 守信 (good): only a 失信 (bad) record can be repaired'],
      ['a repaired record', record({ repaired: true }), 'is already repaired'],
      ['an expired record', record({ expiresOn: '2026-11-29' }), 'expired on 2026-11-29'],
      [
        'a record inside its minimum period',
        record({ decidedOn: '2026-06-01' }),
        'is inside its minimum period: a serious record decided on 2026-06-01 may be repaired from 2026-12-01 (6 months)',
      ],
      ['a severe record after 6 months', record({ severity: 'severe' }), 'may be repaired from 2027-05-30 (12 months)'],
    ])('refuses %s with 422', (_, r, message) => {
      const e = refusal(() => apply(r));
      expect(e.httpStatus).toBe(422);
      expect(e.message).toContain(message);
    });

    it('refuses a second application while one is pending with 409', () => {
      const e = refusal(() => apply(record(), {}, 'rep-0'));
      expect(e.httpStatus).toBe(409);
      expect(e.message).toContain('already has a pending repair application (rep-0)');
    });

    it.each([
      ['a blank correction', { correction: ' \n ' }, 'correction must say what was corrected'],
      ['a blank applicant', { applicantName: '  ' }, 'applicantName must not be blank'],
      ['no evidence', { evidence: [] }, 'evidence must name at least one document'],
    ])('refuses %s with 422', (_, over, message) => {
      const e = refusal(() => apply(record(), over));
      expect(e.httpStatus).toBe(422);
      expect(e.message).toContain(message);
    });
  });

  describe('deciding', () => {
    const later = new Date('2026-12-02T02:00:00Z');

    it('an approval repairs the record and announces it with ids and dates only', () => {
      const { repair } = apply();
      const { transition, recordRepaired } = repair.decide({ decision: 'approved', reason: '整改到位，同意修复', decidedBy: 'xyb-1' }, later);
      expect(recordRepaired).toEqual({ recordId: 'rec-1', repairedAt: later });
      expect(repair.snapshot).toMatchObject({ status: 'approved', decisionReason: '整改到位，同意修复', decidedAt: later, decidedBy: 'xyb-1' });
      expect(transition.action).toBe('credit-repair.approved');
      expect(transition.before).toEqual({ status: 'pending' });
      expect(transition.events).toEqual([
        {
          type: CreditEventTypes.recordRepaired,
          subject: '91350100M000100Y43',
          data: {
            repairId: 'rep-1',
            recordId: 'rec-1',
            uscc: '91350100M000100Y43',
            recordDecidedOn: '2026-05-30',
            appliedAt: now.toISOString(),
            repairedAt: later.toISOString(),
          },
        },
      ]);
      expect(JSON.stringify(transition)).not.toMatch(/王建国|同意修复|安全培训/);
    });

    it('a refusal changes no record and announces nothing', () => {
      const { repair } = apply();
      const { transition, recordRepaired } = repair.decide({ decision: 'refused', reason: '证明材料不足', decidedBy: 'xyb-1' }, later);
      expect(recordRepaired).toBeNull();
      expect(transition).toMatchObject({ action: 'credit-repair.refused', before: { status: 'pending' }, after: { status: 'refused' }, events: [] });
    });

    it('decides once: a second decision is 409, and a blank reason 422', () => {
      const { repair } = apply();
      expect(refusal(() => repair.decide({ decision: 'approved', reason: ' ', decidedBy: 'x' }, later)).httpStatus).toBe(422);
      expect(repair.snapshot.status).toBe('pending');
      repair.decide({ decision: 'refused', reason: '证明材料不足', decidedBy: 'x' }, later);
      const again = refusal(() => repair.decide({ decision: 'approved', reason: '补充材料后同意', decidedBy: 'x' }, later));
      expect(again.httpStatus).toBe(409);
      expect(again.message).toContain('is already refused');
    });
  });
});
