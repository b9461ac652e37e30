import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentCorrelationId } from '@cityworks/platform';
import { currentTraceContext } from '@cityworks/tracing';
import { WorkflowCommand, workflowCommandKey } from './workflow-command';

/** Stores a workflow command in the caller's transaction; a repeated key is kept once. */
@Injectable()
export class WorkflowCommandWriter {
  async add(manager: EntityManager, command: WorkflowCommand): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('WorkflowCommandWriter.add must run inside the transaction that changes the data');
    }
    // the writer's span, so the relay starts or signals the workflow within the same trace (ADR 0024)
    const trace = currentTraceContext();
    await manager.query(
      `INSERT INTO workflow_commands (key, workflow_id, kind, command, correlation_id, trace_parent, trace_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING`,
      [
        workflowCommandKey(command),
        command.workflowId,
        command.kind,
        JSON.stringify(command),
        currentCorrelationId() ?? null,
        trace.traceparent,
        trace.tracestate,
      ],
    );
  }
}
