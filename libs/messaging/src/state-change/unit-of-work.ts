import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { NewIntegrationEvent, TopicName } from '@cityworks/contracts';
import { AuditRecord, AuditTrail, Transition } from '@cityworks/platform';
import { OutboxWriter } from '../outbox/outbox.writer';
import { WorkflowCommand } from '../workflow-outbox/workflow-command';
import { WorkflowCommandWriter } from '../workflow-outbox/workflow-command.writer';
import { RelayNudges } from './relay-nudges';

/**
 * What one state change leaves behind besides the aggregate itself: audit entries, integration
 * events and workflow commands. Collected while the change runs, written at its end in the
 * same transaction, so all of it commits or none of it does.
 */
export class StateChange {
  readonly audits: AuditRecord[] = [];
  readonly events: { topic: TopicName; event: NewIntegrationEvent }[] = [];
  readonly workflowCommands: WorkflowCommand[] = [];

  constructor(readonly manager: EntityManager) {}

  /** A domain model's transition: its audit line and its events. */
  record(resource: { type: string; id: string }, transition: Transition, topic: TopicName): void {
    this.audit({ action: transition.action, resourceType: resource.type, resourceId: resource.id, before: transition.before, after: transition.after });
    for (const event of transition.events) this.publish(topic, event);
  }

  audit(record: AuditRecord): void {
    this.audits.push(record);
  }

  publish<T>(topic: TopicName, event: NewIntegrationEvent<T>): void {
    this.events.push({ topic, event });
  }

  /** Start or signal a workflow once the change is committed (workflow outbox). */
  command(command: WorkflowCommand): void {
    this.workflowCommands.push(command);
  }
}

/**
 * The one state-change path: a transaction in which the caller loads and saves its aggregate,
 * then the audit entries, outbox events and workflow commands it recorded; after commit the
 * relays are nudged. No service writes audit, outbox or nudge by hand.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly workflowCommands: WorkflowCommandWriter,
    private readonly nudges: RelayNudges,
  ) {}

  /** Runs `work` in a new transaction. */
  async run<R>(work: (change: StateChange) => Promise<R>): Promise<R> {
    const result = await this.dataSource.transaction((manager) => this.runIn(manager, work));
    this.nudges.nudge();
    return result;
  }

  /**
   * Runs `work` inside a transaction the caller owns (an event consumer's inbox transaction);
   * the caller commits, and the inbox consumer nudges the relays afterwards.
   */
  async runIn<R>(manager: EntityManager, work: (change: StateChange) => Promise<R>): Promise<R> {
    const change = new StateChange(manager);
    const result = await work(change);
    for (const { topic, event } of change.events) await this.outbox.add(manager, topic, event);
    for (const command of change.workflowCommands) await this.workflowCommands.add(manager, command);
    // last: appending to the audit log takes the lock of each chain it touches until commit, so
    // nothing else of this change should run while they are held
    await this.audit.record(manager, ...change.audits);
    return result;
  }
}
