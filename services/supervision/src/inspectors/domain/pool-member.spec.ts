import { conflictsOf, PoolMemberState, servesRegion, withRelative } from './pool-member';

const member = (overrides: Partial<PoolMemberState> = {}): PoolMemberState => ({
  id: 'm-1',
  kind: 'expert',
  name: '李四',
  departmentCode: null,
  regionCode: '210300',
  certificateNumber: 'ZJ-0001',
  specialties: ['消防'],
  employerUscc: '91210302MA0000001A',
  relatives: [{ uscc: '91210302MA0000002B', relation: '配偶' }],
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  registeredBy: 'u',
  ...overrides,
});

describe('回避 and the regions a member serves', () => {
  it('conflicts with the employer, a relative’s subject, and subjects inspected within the period only', () => {
    const since = new Date('2026-06-01T00:00:00Z');
    const past = [
      { memberId: 'm-1', uscc: '91210302MA0000003C', at: new Date('2026-07-01T00:00:00Z') },
      { memberId: 'm-1', uscc: '91210302MA0000004D', at: new Date('2026-05-31T23:59:59Z') },
      { memberId: 'm-2', uscc: '91210302MA0000005E', at: new Date('2026-07-01T00:00:00Z') },
    ];
    expect(conflictsOf(member(), past, since)).toEqual(['91210302MA0000001A', '91210302MA0000002B', '91210302MA0000003C']);
    expect(conflictsOf(member({ employerUscc: null, relatives: [] }), [], since)).toEqual([]);
  });

  it('records a relative once and refuses a blank relation', () => {
    expect(withRelative(member(), { uscc: '91210302MA0000002B', relation: '子女' })).toBeNull();
    expect(withRelative(member(), { uscc: '91210302MA0000009X', relation: ' 子女 ' })!.relatives).toHaveLength(2);
    expect(() => withRelative(member(), { uscc: '91210302MA0000009X', relation: ' ' })).toThrow(/relation/);
  });

  it('a city covers its districts, a district only itself', () => {
    expect(servesRegion({ regionCode: '210300' }, '210302')).toBe(true);
    expect(servesRegion({ regionCode: '210000' }, '210302')).toBe(true);
    expect(servesRegion({ regionCode: '210302' }, '210302')).toBe(true);
    expect(servesRegion({ regionCode: '210302' }, '210303')).toBe(false);
    expect(servesRegion({ regionCode: '210300' }, '210402')).toBe(false);
  });
});
