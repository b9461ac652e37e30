import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentCorrelationId } from '@cityworks/platform';
import { WorkflowCommand, workflowCommandKey } from './workflow-command';

/** Stores a workflow command in the caller's transaction; a repeated key is kept once. */
@Injectable()
export class WorkflowCommandWriter {
  async add(manager: EntityManager, command: WorkflowCommand): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('WorkflowCommandWriter.add must run inside the transaction that changes the data');
    }
    await manager.query(
      `INSERT INTO workflow_commands (key, workflow_id, kind, command, correlation_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING`,
      [workflowCommandKey(command), command.workflowId, command.kind, JSON.stringify(command), currentCorrelationId() ?? null],
    );
  }
}
