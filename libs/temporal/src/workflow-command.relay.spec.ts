import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { RelayNudges, WorkflowCommand } from '@cityworks/messaging';
import { WorkflowCommandRelay } from './workflow-command.relay';

interface Row {
  seq: string;
  workflow_id: string;
  command: WorkflowCommand;
  correlation_id: null;
  attempts: number;
}

const signal = (seq: number, workflowId: string): Row => ({
  seq: String(seq),
  workflow_id: workflowId,
  command: { kind: 'signal', workflowId, signal: 'step', args: [seq] } as unknown as WorkflowCommand,
  correlation_id: null,
  attempts: 0,
});

/** Temporal answering each signal after `ms`, failing those the test names; Postgres holding the rows. */
function relayOver(rows: Row[], { ms = 20, unavailable = new Set<string>() } = {}) {
  const calls: { workflowId: string; seq: number; at: number; end?: number }[] = [];
  const delivered = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;
  const manager = {
    query: async (sql: string, params: unknown[]) => {
      if (sql.startsWith('SELECT seq')) return rows;
      if (sql.startsWith('UPDATE workflow_commands SET delivered_at')) delivered.add(String(params[0]));
      return [];
    },
  };
  const dataSource = { transaction: (work: (m: unknown) => Promise<unknown>) => work(manager) } as unknown as DataSource;
  const client = {
    withDeadline: (_deadline: Date, fn: () => Promise<unknown>) => fn(),
    workflow: {
      getHandle: (workflowId: string) => ({
        signal: async (_name: string, seq: number) => {
          const call = { workflowId, seq, at: Date.now(), end: undefined as number | undefined };
          calls.push(call);
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, ms));
          inFlight--;
          call.end = Date.now();
          if (unavailable.has(workflowId)) throw Object.assign(new Error('unavailable'), { code: 14 });
        },
      }),
    },
  } as unknown as Client;
  const relay = new WorkflowCommandRelay(dataSource, client, new RelayNudges());
  return { relay, calls, delivered, maxInFlight: () => maxInFlight };
}

describe('WorkflowCommandRelay.deliverBatch', () => {
  it("delivers one workflow's commands in commit order, each after the one before has been answered", async () => {
    const { relay, calls, delivered } = relayOver([signal(1, 'project-A'), signal(2, 'project-A'), signal(3, 'project-A')]);
    expect(await relay.deliverBatch()).toBe(3);
    expect(calls.map((c) => c.seq)).toEqual([1, 2, 3]);
    for (let i = 1; i < calls.length; i++) expect(calls[i].at).toBeGreaterThanOrEqual(calls[i - 1].end!);
    expect([...delivered]).toEqual(['1', '2', '3']);
  });

  it("delivers different workflows' commands side by side", async () => {
    const rows = Array.from({ length: 32 }, (_, i) => signal(i + 1, `project-${i}`));
    const { relay, maxInFlight } = relayOver(rows, { ms: 30 });
    expect(await relay.deliverBatch()).toBe(32);
    // sixteen lanes: one call each in flight at once, not one call in all
    expect(maxInFlight()).toBe(16);
  });

  it("holds back a workflow's later commands when Temporal cannot take one, and reports it after the others are delivered", async () => {
    const rows = [signal(1, 'project-A'), signal(2, 'project-B'), signal(3, 'project-A'), signal(4, 'project-B')];
    const { relay, calls, delivered } = relayOver(rows, { unavailable: new Set(['project-A']) });
    await expect(relay.deliverBatch()).rejects.toThrow('unavailable');
    expect(calls.filter((c) => c.workflowId === 'project-A').map((c) => c.seq)).toEqual([1]);
    expect([...delivered].sort()).toEqual(['2', '4']);
  });

  it('begins no further workflow once Temporal could not take a command', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => signal(i + 1, `project-${i}`));
    const { relay, calls } = relayOver(rows, { unavailable: new Set(['project-0']) });
    await expect(relay.deliverBatch()).rejects.toThrow('unavailable');
    // the first lanes were already under way; none began after the failure came back
    expect(calls.length).toBeLessThan(40);
  });
});
