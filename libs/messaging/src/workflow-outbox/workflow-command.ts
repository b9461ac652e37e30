/**
 * A start or signal of a Temporal workflow that belongs to a state change. It is written in the
 * change's transaction and delivered after commit by the workflow command relay, so a state
 * change needs only Postgres: a Temporal outage delays the workflow, never loses it.
 */
export type WorkflowCommand = WorkflowStart | WorkflowSignal;

/** A search attribute as stored: its registered name, type and value (dates as ISO strings). */
export interface StoredSearchAttribute {
  name: string;
  type: 'KEYWORD' | 'TEXT' | 'BOOL' | 'INT' | 'DOUBLE' | 'DATETIME' | 'KEYWORD_LIST';
  value: string | number | boolean | string[];
}

export interface WorkflowStart {
  kind: 'start';
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  args: unknown[];
  searchAttributes: StoredSearchAttribute[];
}

export interface WorkflowSignal {
  kind: 'signal';
  workflowId: string;
  signal: string;
  args: unknown[];
  /**
   * what makes this signal unique, e.g. the task id and the new deadline: the same change
   * recorded twice (a redelivered event) stores one command
   */
  dedupeKey: string;
}

/** The command's key in the table: one start per workflow id, one signal per dedupe key. */
export function workflowCommandKey(command: WorkflowCommand): string {
  return command.kind === 'start' ? `start:${command.workflowId}` : `signal:${command.workflowId}:${command.signal}:${command.dedupeKey}`;
}

/** Stores a typed search attribute (a key from contracts' SearchAttributes) with its value. */
export function storedSearchAttribute(
  key: { name: string; type: StoredSearchAttribute['type'] },
  value: Date | StoredSearchAttribute['value'],
): StoredSearchAttribute {
  return { name: key.name, type: key.type, value: value instanceof Date ? value.toISOString() : value };
}
