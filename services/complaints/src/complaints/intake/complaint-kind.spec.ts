import { defaultKindOf, kindCategoryConflict } from './complaint-kind';
import { intakeDigest } from './intake-digest';

describe('complaint kinds (审批服务 / 违法违规举报 / 建议)', () => {
  it('defaults to 审批服务 for that category, to a violation report otherwise', () => {
    expect(defaultKindOf('approval-service')).toBe('approval-service');
    expect(defaultKindOf('construction-quality')).toBe('violation-report');
    expect(defaultKindOf('other')).toBe('violation-report');
  });

  it('refuses a kind that contradicts the category, naming both', () => {
    expect(kindCategoryConflict('approval-service', 'environment')).toBe(
      'kind approval-service (审批服务) requires category approval-service, got environment',
    );
    expect(kindCategoryConflict('violation-report', 'approval-service')).toMatch(/cannot have category approval-service/);
    expect(kindCategoryConflict('approval-service', 'approval-service')).toBeUndefined();
    expect(kindCategoryConflict('suggestion', 'approval-service')).toBeUndefined();
    expect(kindCategoryConflict('suggestion', 'environment')).toBeUndefined();
  });
});

describe('intakeDigest', () => {
  const facts = { kind: 'violation-report', category: 'environment', regionCode: '210302', content: '噪声', attachments: [{ sha256: 'AB'.repeat(32) }] };

  it('is the same for the same matter, whatever the case of a hash', () => {
    expect(intakeDigest(facts)).toBe(intakeDigest({ ...facts, attachments: [{ sha256: 'ab'.repeat(32) }] }));
    expect(intakeDigest(facts)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when the matter differs', () => {
    expect(intakeDigest(facts)).not.toBe(intakeDigest({ ...facts, content: '扬尘' }));
    expect(intakeDigest(facts)).not.toBe(intakeDigest({ ...facts, projectCode: 'P1' }));
    expect(intakeDigest(facts)).not.toBe(intakeDigest({ ...facts, attachments: [] }));
  });
});
