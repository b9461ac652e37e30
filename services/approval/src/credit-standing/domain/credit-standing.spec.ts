import { creditStanding } from './credit-standing';

describe('credit standing', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const uscc = '91110000100000000A';
  const cancellation = (until: string) => ({
    id: 'c1',
    ownerUscc: uscc,
    commitmentId: 'k1',
    applicationId: 'a1',
    reason: '承诺不实',
    cancelledAt: new Date('2026-06-01T00:00:00Z'),
    until: new Date(until),
  });
  const action = (s: ReturnType<typeof creditStanding>, name: string) => s.actions.find((a) => a.action === name) ?? fail(`no standing for ${name}`);

  it('lets a subject graded A use commitment mode and the green channel', () => {
    const s = creditStanding(uscc, { grade: 'A', jointPunishment: false, greenChannel: true }, [], now);
    expect(action(s, 'apply-on-commitment')).toEqual({ action: 'apply-on-commitment', restricted: false, reason: null });
    expect(action(s, 'tolerant-acceptance').restricted).toBe(false);
    expect(s.cautiousReview).toBe(false);
  });

  it('restricts a subject on the joint-punishment list from commitment mode and marks it for cautious review', () => {
    const s = creditStanding(uscc, { grade: 'D', jointPunishment: true, greenChannel: false }, [], now);
    expect(action(s, 'apply-on-commitment').reason).toContain('联合惩戒');
    expect(action(s, 'tolerant-acceptance').restricted).toBe(true);
    expect(s.cautiousReview).toBe(true);
  });

  it('restricts commitment mode while a cancellation is in force, and lifts it after', () => {
    const during = creditStanding(uscc, { grade: 'B', jointPunishment: false, greenChannel: false }, [cancellation('2027-01-01T00:00:00Z')], now);
    expect(action(during, 'apply-on-commitment').reason).toContain('2027-01-01');
    const after = creditStanding(uscc, { grade: 'B', jointPunishment: false, greenChannel: false }, [cancellation('2026-11-01T00:00:00Z')], now);
    expect(action(after, 'apply-on-commitment').restricted).toBe(false);
  });

  it('treats a subject never graded as B: commitment mode allowed, no green channel', () => {
    const s = creditStanding(uscc, null, [], now);
    expect(s.grade).toBeNull();
    expect(action(s, 'apply-on-commitment').restricted).toBe(false);
    expect(action(s, 'tolerant-acceptance').reason).toContain('treated as B');
  });
});
