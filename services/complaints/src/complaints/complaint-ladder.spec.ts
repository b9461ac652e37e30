import { DEFAULT_COMPLAINT_LADDER, readComplaintLadderTerms } from './complaint-ladder';

describe('readComplaintLadderTerms', () => {
  it('takes the defaults, whole numbers in range, and refuses anything else by name', () => {
    expect(readComplaintLadderTerms({})).toEqual(DEFAULT_COMPLAINT_LADDER);
    expect(readComplaintLadderTerms({ COMPLAINT_ANSWER_WARNING_WORKING_DAYS: '0', COMPLAINT_REMINDER_GRACE_WORKING_DAYS: '5' })).toEqual({
      answerWarningLeadWorkingDays: 0,
      reminderGraceWorkingDays: 5,
      escalationGraceWorkingDays: 3,
    });
    expect(() => readComplaintLadderTerms({ COMPLAINT_ESCALATION_GRACE_WORKING_DAYS: '0' })).toThrow(
      'COMPLAINT_ESCALATION_GRACE_WORKING_DAYS must be a whole number of working days from 1 to 60, got "0"',
    );
    expect(() => readComplaintLadderTerms({ COMPLAINT_ANSWER_WARNING_WORKING_DAYS: '2.5' })).toThrow(/COMPLAINT_ANSWER_WARNING_WORKING_DAYS/);
  });
});
