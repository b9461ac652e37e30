import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributePair, SearchAttributeType } from '@temporalio/common';
import { Counter, Gauge, register } from 'prom-client';
import { RelayNudges, StoredSearchAttribute, WorkflowCommand } from '@cityworks/messaging';
import { nextRelayDelay, RelayWake, runWithCorrelationId, StopSignal } from '@cityworks/platform';
import { TEMPORAL_CLIENT } from './temporal.options';
import { inWorkflowCommandSpan } from './workflow-command-span';

const BATCH = 100;
/** workflows whose commands are delivered at once; one workflow's are always in order */
const PARALLEL = 16;
/** a call Temporal does not answer within this is tried again later */
const CALL_DEADLINE_MS = 10_000;
/** attempts before a command Temporal refuses for good (not an outage) is set aside as failed */
const REFUSED_ATTEMPTS = 5;
/** gRPC codes that mean "not now" rather than "never" */
const TRANSIENT_GRPC_CODES = new Set([1, 2, 4, 8, 10, 13, 14]);

function metric<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T) ?? make();
}
const delivered = metric(
  'workflow_commands_delivered_total',
  () => new Counter({ name: 'workflow_commands_delivered_total', help: 'Workflow starts and signals delivered to Temporal', labelNames: ['kind', 'outcome'] }),
);
const pending = metric('workflow_commands_pending', () => new Gauge({ name: 'workflow_commands_pending', help: 'Workflow commands waiting for Temporal' }));

interface CommandRow {
  seq: string;
  workflow_id: string;
  command: WorkflowCommand;
  correlation_id: string | null;
  attempts: number;
  trace_parent: string | null;
  trace_state: string | null;
}

function toSearchAttributes(stored: StoredSearchAttribute[]): SearchAttributePair[] {
  return stored.map(({ name, type, value }) => ({
    key: defineSearchAttributeKey(name, SearchAttributeType[type]),
    value: type === 'DATETIME' ? new Date(value as string) : value,
  })) as SearchAttributePair[];
}

function grpcCode(error: unknown): number | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Whether Temporal refused the command for good (a bad argument), rather than being unavailable. */
export function isRefusedForGood(error: unknown): boolean {
  const code = grpcCode(error);
  return code !== undefined && !TRANSIENT_GRPC_CODES.has(code);
}

/**
 * Delivers workflow commands (the workflow outbox) to Temporal in the order they were
 * committed. Idempotent by workflow id: a start that finds its workflow running is delivered; a
 * signal to a workflow that has finished is dropped (the record is the truth, and the workflow
 * read it before it closed). While Temporal is down, commands wait and the relay backs off.
 */
@Injectable()
export class WorkflowCommandRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkflowCommandRelay.name);
  private readonly stop = new StopSignal();
  private loop: Promise<void> | undefined;
  private readonly wake = new RelayWake();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    nudges: RelayNudges,
  ) {
    nudges.register(() => this.wake.nudge());
  }

  onApplicationBootstrap(): void {
    if (process.env.WORKFLOW_COMMAND_RELAY_ENABLED === 'false') return;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.stop();
    this.wake.nudge();
    await this.loop;
  }

  private async run(): Promise<void> {
    let delay = 200;
    while (!this.stop.stopped) {
      try {
        this.wake.passBegins();
        const sent = await this.deliverBatch();
        delay = nextRelayDelay(delay, sent === BATCH ? 'full-batch' : sent > 0 ? 'some' : 'none');
      } catch (e) {
        this.logger.warn(`workflow command relay cannot deliver yet: ${(e as Error).message}`);
        delay = nextRelayDelay(delay, 'failed');
      }
      if (delay > 0 && !this.stop.stopped) await this.wake.sleep(delay);
    }
  }

  /**
   * One batch. The commands of one workflow go in commit order, one after the other; different
   * workflows' go side by side (PARALLEL at a time), since each is a round trip to Temporal and a
   * desk's 受理 should not wait behind a hundred others'. A command Temporal cannot take now stops
   * its workflow's later commands and any workflow not yet begun; they wait for the next pass.
   */
  async deliverBatch(): Promise<number> {
    let failure: Error | undefined;
    const done = await this.dataSource.transaction(async (manager) => {
      const rows: CommandRow[] = await manager.query(
        `SELECT seq, workflow_id, command, correlation_id, attempts, trace_parent, trace_state FROM workflow_commands
         WHERE delivered_at IS NULL AND failed_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      pending.set(rows.length);
      const byWorkflow = new Map<string, CommandRow[]>();
      for (const row of rows) byWorkflow.set(row.workflow_id, [...(byWorkflow.get(row.workflow_id) ?? []), row]);
      const queue = [...byWorkflow.values()];
      let count = 0;
      const lane = async () => {
        for (let commands = queue.shift(); commands && !failure; commands = queue.shift()) {
          for (const row of commands) {
            const result = await this.deliverOne(manager, row);
            if (result === 'delivered') count++;
            if (result instanceof Error) {
              failure ??= result;
              break;
            }
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, lane));
      return count;
    });
    if (failure) throw failure;
    return done;
  }

  /** Delivers one command and records the outcome; an Error when Temporal cannot take it now. */
  private async deliverOne(manager: EntityManager, row: CommandRow): Promise<'delivered' | 'waiting' | 'set-aside' | Error> {
    try {
      const outcome = await inWorkflowCommandSpan(row, () =>
        runWithCorrelationId(row.correlation_id ?? undefined, () => this.deliver(manager, row), 'workflow-command-relay'),
      );
      if (outcome === 'wait') return 'waiting';
      await manager.query('UPDATE workflow_commands SET delivered_at = now(), outcome = $2, attempts = attempts + 1, last_error = NULL WHERE seq = $1', [
        row.seq,
        outcome,
      ]);
      delivered.inc({ kind: row.command.kind, outcome });
      return 'delivered';
    } catch (e) {
      const refused = isRefusedForGood(e) && row.attempts + 1 >= REFUSED_ATTEMPTS;
      await manager.query(`UPDATE workflow_commands SET attempts = attempts + 1, last_error = $2, failed_at = CASE WHEN $3 THEN now() END WHERE seq = $1`, [
        row.seq,
        (e as Error).message.slice(0, 1000),
        refused,
      ]);
      if (!refused) return e as Error;
      this.logger.error(`workflow command ${row.seq} for ${row.workflow_id} refused by Temporal for good: ${(e as Error).message}`);
      delivered.inc({ kind: row.command.kind, outcome: 'failed' });
      return 'set-aside';
    }
  }

  private async deliver(manager: EntityManager, row: CommandRow): Promise<'started' | 'already-started' | 'signalled' | 'workflow-closed' | 'wait'> {
    const command = row.command;
    const deadline = new Date(Date.now() + CALL_DEADLINE_MS);
    if (command.kind === 'start') {
      try {
        await this.client.withDeadline(deadline, () =>
          this.client.workflow.start(command.workflowType, {
            workflowId: command.workflowId,
            taskQueue: command.taskQueue,
            args: command.args,
            typedSearchAttributes: toSearchAttributes(command.searchAttributes),
          }),
        );
        return 'started';
      } catch (e) {
        if (e instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
        throw e;
      }
    }
    try {
      await this.client.withDeadline(deadline, () => this.client.workflow.getHandle(command.workflowId).signal(command.signal, ...command.args));
      return 'signalled';
    } catch (e) {
      if (!(e instanceof WorkflowNotFoundError)) throw e;
      // its start may still be waiting behind an earlier failure (or in another replica's batch)
      const [start] = await manager.query(`SELECT 1 FROM workflow_commands WHERE key = $1 AND delivered_at IS NULL AND failed_at IS NULL`, [
        `start:${command.workflowId}`,
      ]);
      return start ? 'wait' : 'workflow-closed';
    }
  }
}
