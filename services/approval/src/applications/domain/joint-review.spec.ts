import { WorkingDayCalendar } from '@cityworks/calendar';
import { ApprovalEventTypes, ApprovalItemSnapshot } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { AcceptApplication, Application } from './application';
import { applicationTiming } from './application-timing';
import { jointReviewTiming } from './joint-review-timing';

const calendar = new WorkingDayCalendar();
const item = {
  code: 'JS-SGXK-001',
  regionCode: '210300',
  version: 1,
  retired: false,
  stage: '施工许可',
  departmentCode: 'AS-XZSPJ',
  supervisingDepartmentCode: 'AS-ZJJ',
  supervisionMode: '审管分离',
  timeLimitWorkingDays: 5,
  allowedClockStops: ['补正材料'],
  commitmentAllowed: false,
  commitmentVerificationWorkingDays: null,
  supervisionFeedbackWorkingDays: 5,
} as unknown as ApprovalItemSnapshot;
const input: AcceptApplication = {
  projectCode: 'P-1',
  itemCode: 'JS-SGXK-001',
  departmentCode: 'AS-XZSPJ',
  regionCode: '210302',
  ownerUscc: '91350100M000100Y43',
  onCommitment: false,
};
// 10:00 in 鞍山 (UTC+8); March 2026 has no holiday, so every Monday to Friday is a working day
const at = (date: string) => new Date(`${date}T02:00:00Z`);

/** 联合审图 of 施工图: 自然资源局 and 人防办 give their opinions, 行政审批局 decides. */
function jointReview(participants: string[] = ['AS-ZRZYJ', 'AS-RFB']): Application {
  return Application.accept({ ...input, participatingDepartmentCodes: participants }, item, 'a-1', at('2026-03-02')).application;
}

describe('joint review (联合审图, 联合验收)', () => {
  describe('naming the participants at 受理', () => {
    it('records each participating department as waiting, and announces them with the acceptance', () => {
      const { application, transition } = Application.accept({ ...input, participatingDepartmentCodes: ['AS-ZRZYJ', 'AS-RFB'] }, item, 'a-1', at('2026-03-02'));
      expect(application.snapshot.jointReview).toEqual([
        { departmentCode: 'AS-ZRZYJ', opinion: null, note: null, givenAt: null },
        { departmentCode: 'AS-RFB', opinion: null, note: null, givenAt: null },
      ]);
      expect(application.waitingJointReviewDepartments).toEqual(['AS-ZRZYJ', 'AS-RFB']);
      expect(application.concernedDepartmentCodes).toEqual(['AS-XZSPJ', 'AS-ZJJ', 'AS-ZRZYJ', 'AS-RFB']);
      expect(transition.after).toMatchObject({ participatingDepartmentCodes: ['AS-ZRZYJ', 'AS-RFB'] });
      expect(transition.events[0].data).toMatchObject({ participatingDepartmentCodes: ['AS-ZRZYJ', 'AS-RFB'] });
    });

    it('has no joint review when none is named, or the list is empty or null', () => {
      for (const participatingDepartmentCodes of [undefined, null, []]) {
        const { application, transition } = Application.accept({ ...input, participatingDepartmentCodes }, item, 'a-1', at('2026-03-02'));
        expect(application.snapshot.jointReview).toEqual([]);
        expect(application.snapshot).not.toHaveProperty('participatingDepartmentCodes');
        expect(transition.events[0].data).not.toHaveProperty('participatingDepartmentCodes');
      }
    });

    it.each([
      [['AS-ZRZYJ', 'AS-XZSPJ'], 'must not name the implementing department AS-XZSPJ'],
      [['AS-RFB', 'AS-ZRZYJ', 'AS-RFB'], 'names AS-RFB more than once'],
      [Array.from({ length: 21 }, (_, i) => `D-${i}`), 'names 21 departments; a joint review has at most 20'],
      [['AS RFB'], 'participatingDepartmentCodes AS RFB must be 1–64 letters'],
    ])('refuses %j (422)', (participatingDepartmentCodes, message) => {
      expect(() => Application.accept({ ...input, participatingDepartmentCodes }, item, 'a-1', at('2026-03-02'))).toThrow(
        expect.objectContaining({ name: 'RuleViolation', kind: 'rule', message: expect.stringContaining(message) }),
      );
    });

    it('takes up to 20 participants', () => {
      const twenty = Array.from({ length: 20 }, (_, i) => `D-${i}`);
      expect(jointReview(twenty).waitingJointReviewDepartments).toEqual(twenty);
    });
  });

  describe('a participant’s opinion', () => {
    it('is recorded once with its note and time, and announced with who is still waiting', () => {
      const application = jointReview();
      const transition = application.giveJointReviewOpinion('AS-RFB', '有条件同意', '人防地下室按审查意见修改', at('2026-03-04'));
      expect(application.snapshot.jointReview[1]).toEqual({
        departmentCode: 'AS-RFB',
        opinion: '有条件同意',
        note: '人防地下室按审查意见修改',
        givenAt: at('2026-03-04'),
      });
      expect(application.waitingJointReviewDepartments).toEqual(['AS-ZRZYJ']);
      expect(transition).toEqual({
        action: 'application.joint-review-opinion-given',
        before: { departmentCode: 'AS-RFB', opinion: null, waitingDepartmentCodes: ['AS-ZRZYJ', 'AS-RFB'] },
        after: { departmentCode: 'AS-RFB', opinion: '有条件同意', note: '人防地下室按审查意见修改', waitingDepartmentCodes: ['AS-ZRZYJ'] },
        events: [
          {
            type: ApprovalEventTypes.jointReviewOpinionGiven,
            subject: 'a-1',
            data: {
              applicationId: 'a-1',
              projectCode: 'P-1',
              itemCode: 'JS-SGXK-001',
              implementingDepartmentCode: 'AS-XZSPJ',
              departmentCode: 'AS-RFB',
              opinion: '有条件同意',
              givenAt: at('2026-03-04').toISOString(),
              waitingDepartmentCodes: ['AS-ZRZYJ'],
            },
          },
        ],
      });
    });

    it('takes 同意 without a note (a blank one is dropped)', () => {
      const application = jointReview();
      application.giveJointReviewOpinion('AS-ZRZYJ', '同意', '  ', at('2026-03-03'));
      expect(application.snapshot.jointReview[0]).toMatchObject({ opinion: '同意', note: null });
    });

    it.each([
      ['不同意', null, 'note is required when the opinion is 不同意 (the reasons)'],
      ['不同意', ' \n', 'note is required when the opinion is 不同意 (the reasons)'],
      ['有条件同意', null, 'note is required when the opinion is 有条件同意 (the conditions)'],
    ] as const)('refuses %s with note %j (422) and changes nothing', (opinion, note, message) => {
      const application = jointReview();
      expect(() => application.giveJointReviewOpinion('AS-RFB', opinion, note, at('2026-03-03'))).toThrow(new RuleViolation(message, 'rule'));
      expect(application.waitingJointReviewDepartments).toEqual(['AS-ZRZYJ', 'AS-RFB']);
    });

    it('refuses an opinion outside the vocabulary (422)', () => {
      expect(() => jointReview().giveJointReviewOpinion('AS-RFB', '随便' as '同意', null, at('2026-03-03'))).toThrow(
        expect.objectContaining({ kind: 'rule', message: 'opinion must be one of 同意, 有条件同意, 不同意' }),
      );
    });

    it('is given once per department (409 the second time)', () => {
      const application = jointReview();
      application.giveJointReviewOpinion('AS-RFB', '同意', null, at('2026-03-03'));
      expect(() => application.giveJointReviewOpinion('AS-RFB', '不同意', '重新审查', at('2026-03-04'))).toThrow(
        expect.objectContaining({
          kind: 'state',
          message: expect.stringContaining('department AS-RFB gave its opinion (同意) on 2026-03-03T02:00:00.000Z already'),
        }),
      );
      expect(application.snapshot.jointReview[1]).toMatchObject({ opinion: '同意', givenAt: at('2026-03-03') });
    });

    it('comes only from a participating department (the implementing and supervising ones are not)', () => {
      for (const department of ['AS-XZSPJ', 'AS-ZJJ', 'AS-HBJ'])
        expect(() => jointReview().giveJointReviewOpinion(department, '同意', null, at('2026-03-03'))).toThrow(
          new RuleViolation(`department ${department} is not a participating department (参与部门) of application a-1`, 'rule'),
        );
      // an application without a joint review has no participants
      const plain = Application.accept(input, item, 'a-2', at('2026-03-02')).application;
      expect(() => plain.giveJointReviewOpinion('AS-RFB', '同意', null, at('2026-03-03'))).toThrow(expect.objectContaining({ kind: 'rule' }));
    });

    it('comes only while the application waits for its decision (409 once decided)', () => {
      const application = jointReview();
      // decided with a participant still waiting: only a state stored otherwise, e.g. before the rule
      const decided = Application.restore({ ...application.snapshot, status: 'approved', decidedAt: at('2026-03-05') });
      expect(() => decided.giveJointReviewOpinion('AS-RFB', '同意', null, at('2026-03-06'))).toThrow(
        new RuleViolation('application a-1 is already approved; its joint review is over'),
      );
    });
  });

  describe('the decision', () => {
    it('waits for every participant (409 naming those still waiting), and is made once all have answered, whatever they said', () => {
      const application = jointReview();
      expect(() => application.decide({ decision: 'approved' }, at('2026-03-03'))).toThrow(
        new RuleViolation('application a-1 waits for the joint-review opinions of AS-ZRZYJ, AS-RFB; decide once every participating department has answered'),
      );
      application.giveJointReviewOpinion('AS-ZRZYJ', '不同意', '用地红线与规划条件不符', at('2026-03-04'));
      expect(() => application.decide({ decision: 'rejected', reason: '联合审图未通过' }, at('2026-03-04'))).toThrow(
        expect.objectContaining({ kind: 'state', message: expect.stringContaining('waits for the joint-review opinions of AS-RFB;') }),
      );
      expect(application.snapshot.status).toBe('accepted');
      application.giveJointReviewOpinion('AS-RFB', '同意', null, at('2026-03-05'));
      application.decide({ decision: 'rejected', reason: '联合审图未通过' }, at('2026-03-06'));
      expect(application.snapshot).toMatchObject({ status: 'rejected', decidedAt: at('2026-03-06') });
    });

    it('is not held up without a joint review', () => {
      const plain = Application.accept(input, item, 'a-2', at('2026-03-02')).application;
      expect(() => plain.decide({ decision: 'approved' }, at('2026-03-03'))).not.toThrow();
    });
  });

  describe('each participant’s own time (办理用时)', () => {
    it('counts from acceptance (not counted) to its answer, less the clock-stops; a waiting one up to now', () => {
      // accepted Mon 03-02; 补正材料 from Wed 03-04 to Fri 03-06 suspends (03-04, 03-06] = 03-05, 03-06
      const application = jointReview(['AS-ZRZYJ', 'AS-RFB', 'AS-XFZD']);
      application.stopClock('补正材料', null, at('2026-03-04'));
      application.resumeClock(at('2026-03-06'));
      // 自然资源局 answers Wed 03-04: 03-03, 03-04 = 2, the stop began on its answer day and takes nothing off
      application.giveJointReviewOpinion('AS-ZRZYJ', '同意', null, at('2026-03-04'));
      // 人防办 answers Thu 03-12: 03-03…03-06, 03-09…03-12 = 8, less 2 suspended = 6
      application.giveJointReviewOpinion('AS-RFB', '同意', null, at('2026-03-12'));
      // 消防 still waits on Mon 03-16: 03-03…03-06, 03-09…03-13, 03-16 = 10, less 2 = 8
      expect(jointReviewTiming(application.snapshot, calendar, at('2026-03-16'))).toEqual([
        { departmentCode: 'AS-ZRZYJ', answered: true, usedWorkingDays: 2, suspendedWorkingDays: 0, provisional: false },
        { departmentCode: 'AS-RFB', answered: true, usedWorkingDays: 6, suspendedWorkingDays: 2, provisional: false },
        { departmentCode: 'AS-XFZD', answered: false, usedWorkingDays: 8, suspendedWorkingDays: 2, provisional: false },
      ]);
      // and the application's clock shows them beside its own
      expect(applicationTiming(application.snapshot, calendar, at('2026-03-16'))).toMatchObject({
        usedWorkingDays: 8,
        jointReview: [{ usedWorkingDays: 2 }, { usedWorkingDays: 6 }, { usedWorkingDays: 8 }],
      });
    });

    it('is empty without a joint review', () => {
      const plain = Application.accept(input, item, 'a-2', at('2026-03-02')).application;
      expect(jointReviewTiming(plain.snapshot, calendar, at('2026-03-03'))).toEqual([]);
      expect(applicationTiming(plain.snapshot, calendar, at('2026-03-03'))?.jointReview).toEqual([]);
    });
  });
});
