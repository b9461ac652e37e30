import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EligibilityCancellation } from '../domain/commitment-eligibility';
import { EligibilityCancellationRecord } from './eligibility-cancellation.record';

@Injectable()
export class EligibilityCancellationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofSubject(ownerUscc: string, manager: EntityManager = this.dataSource.manager): Promise<EligibilityCancellation[]> {
    return manager.find(EligibilityCancellationRecord, { where: { ownerUscc }, order: { cancelledAt: 'ASC' } });
  }

  async ofCommitment(manager: EntityManager, commitmentId: string): Promise<EligibilityCancellation | null> {
    return manager.findOne(EligibilityCancellationRecord, { where: { commitmentId } });
  }

  /** A second insert for the same commitment fails on the unique key (a retried activity then finds the first). */
  async insert(manager: EntityManager, cancellation: EligibilityCancellation): Promise<void> {
    await manager.insert(EligibilityCancellationRecord, cancellation);
  }
}
