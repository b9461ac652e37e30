import { workflowStackTraces } from './workflow-stack-traces';

describe('workflowStackTraces (WORKFLOW_STACK_TRACES)', () => {
  it('is off unless asked for', () => {
    expect(workflowStackTraces(undefined)).toBe('off');
    expect(workflowStackTraces('')).toBe('off');
  });

  it('takes on and off, in any case', () => {
    expect(workflowStackTraces('on')).toBe('on');
    expect(workflowStackTraces(' ON ')).toBe('on');
    expect(workflowStackTraces('off')).toBe('off');
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => workflowStackTraces('yes')).toThrow('WORKFLOW_STACK_TRACES must be "on" or "off", not "yes"');
  });
});
