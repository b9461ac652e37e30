import { mergeSubjectFacts, SubjectFacts, subjectKindOf } from './subject';

const facts = (over: Partial<SubjectFacts> = {}): SubjectFacts => ({
  uscc: '91350100M000100Y43',
  name: '鞍山市某建筑工程有限公司',
  legalRepresentative: '张某',
  regionCode: '210302',
  asOf: new Date('2026-06-01T00:00:00Z'),
  source: 'api',
  ...over,
});

describe('subjects (市场主体)', () => {
  it('knows the kind of holder from the code’s first character', () => {
    expect(subjectKindOf('91350100M000100Y43')).toBe('enterprise');
    expect(subjectKindOf('12210300MB1234567X')).toBe('institution');
    expect(subjectKindOf('52210300MJ0000000X')).toBe('social-organisation');
    expect(subjectKindOf('31210000MD0000000X')).toBe('other');
  });

  it('takes newer facts, keeps what a newer source leaves out, and ignores older ones', () => {
    const stored = facts();
    expect(mergeSubjectFacts(null, stored)).toBe(stored);
    const later = new Date('2026-07-01T00:00:00Z');
    expect(
      mergeSubjectFacts(stored, facts({ name: '鞍山市某建设集团有限公司', regionCode: null, legalRepresentative: null, asOf: later, source: 'event' })),
    ).toEqual(facts({ name: '鞍山市某建设集团有限公司', asOf: later, source: 'event' }));
    expect(mergeSubjectFacts(stored, facts({ name: '旧名称', asOf: new Date('2026-05-01T00:00:00Z') }))).toBeNull();
    // nothing new
    expect(mergeSubjectFacts(stored, facts({ asOf: later }))).toBeNull();
  });
});
