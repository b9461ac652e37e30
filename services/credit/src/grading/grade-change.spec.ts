import { gradeChange } from './grade-change';
import { CreditAssessment } from './credit-grade';

const assessment = (grade: CreditAssessment['grade']): CreditAssessment => ({
  grade,
  jointPunishment: grade === 'D',
  greenChannel: grade === 'A',
  enhancedSupervision: grade === 'C' || grade === 'D',
  activeGoodRecords: 0,
  activeBadRecords: { minor: 0, serious: 0, severe: 0 },
});
const now = new Date('2026-12-04T02:00:00Z');

describe('gradeChange', () => {
  it('is version 1 the first time a subject is graded', () => {
    expect(gradeChange('U', null, assessment('A'), 'r-1', now)).toEqual({
      uscc: 'U',
      gradeBefore: null,
      gradeAfter: 'A',
      jointPunishment: false,
      greenChannel: true,
      version: 1,
      causeRecordId: 'r-1',
      changedAt: now.toISOString(),
    });
  });

  it('is nothing while the grade stays, and the next version when it moves', () => {
    expect(gradeChange('U', { grade: 'B', version: 3 }, assessment('B'), 'r-2', now)).toBeNull();
    expect(gradeChange('U', { grade: 'B', version: 3 }, assessment('D'), 'r-2', now)).toMatchObject({
      gradeBefore: 'B',
      gradeAfter: 'D',
      jointPunishment: true,
      version: 4,
    });
  });
});
