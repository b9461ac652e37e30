/**
 * Whether the workflow worker keeps the stack of every promise its workflows create — what the
 * `__stack_trace` query (the Temporal UI's Stack Trace tab) answers from. Off unless
 * WORKFLOW_STACK_TRACES=on: it took about 30 % of the workflow thread (ADR 0029). The patched SDK
 * (patches/@temporalio+worker+1.24.0.patch) reads the variable in the workflow thread when the
 * worker starts it, so the setting is made before `Worker.create`.
 */
export type WorkflowStackTraces = 'on' | 'off';

export function workflowStackTraces(value: string | undefined): WorkflowStackTraces {
  if (value === undefined || value.trim() === '') return 'off';
  const setting = value.trim().toLowerCase();
  if (setting === 'on' || setting === 'off') return setting;
  throw new Error(`WORKFLOW_STACK_TRACES must be "on" or "off", not ${JSON.stringify(value)}`);
}
