import { EscalationEventTypes } from '@cityworks/contracts';
import { EscalationStep, EscalationStepState } from './escalation-step';

const state = (overrides: Partial<EscalationStepState> = {}): EscalationStepState => ({
  id: '5d7e8f00-0000-5000-8000-000000000001',
  claimKey: 'application-A1:预警',
  step: '预警',
  obligation: {
    kind: 'application',
    id: 'A1',
    title: '项目 P-1「建筑工程施工许可证核发」办件',
    regionCode: '210302',
    projectCode: 'P-1',
    itemCode: 'JS-SGXK-001',
  },
  departmentCode: 'AS-TD-XZSPJ',
  dueAt: new Date('2026-11-20T15:59:59.999Z'),
  letterId: null,
  firedAt: new Date('2026-11-18T01:00:00Z'),
  ...overrides,
});

describe('EscalationStep', () => {
  it('announces a 预警 to the handler, keyed by the obligation', () => {
    const { transition } = EscalationStep.fire(state());
    expect(transition.action).toBe('escalation-step.fired');
    expect(transition.events).toEqual([
      {
        type: EscalationEventTypes.warningIssued,
        subject: 'application:A1',
        data: expect.objectContaining({ claimKey: 'application-A1:预警', departmentCode: 'AS-TD-XZSPJ', dueAt: '2026-11-20T15:59:59.999Z' }),
      },
    ]);
  });

  it('flags a 通报 for accountability (追责), naming the 督办函 it follows', () => {
    const { transition } = EscalationStep.fire(state({ step: '通报', claimKey: 'application-A1:通报', letterId: 'L-1' }));
    expect(transition.events).toEqual([
      { type: EscalationEventTypes.flaggedForCircular, subject: 'application:A1', data: expect.objectContaining({ letterId: 'L-1', accountability: true }) },
    ]);
  });

  it('leaves a letter rung to the letter’s own event', () => {
    expect(EscalationStep.fire(state({ step: '督办函', letterId: 'L-1' })).transition.events).toEqual([]);
  });
});
