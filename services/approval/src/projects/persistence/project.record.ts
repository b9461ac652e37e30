import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ApprovalStage, ProjectFacts, ProjectType } from '@cityworks/contracts';
import type { ProjectStatus } from '../domain/project';

/** How a project (工程建设项目) is stored; the model itself is in ../domain/project.ts. */
@Entity({ name: 'projects' })
export class ProjectRecord {
  @PrimaryColumn('uuid')
  id: string;

  /** 项目代码, unique */
  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  type: ProjectType;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** 建设单位 统一社会信用代码 */
  @Column({ name: 'owner_uscc', type: 'varchar', length: 18 })
  ownerUscc: string;

  /** the facts the stage templates' conditions test, as ProjectFacts */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  facts: ProjectFacts;

  @Column({ type: 'varchar', length: 16 })
  status: ProjectStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  stage: ApprovalStage | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'facts_changed_at', type: 'timestamptz', nullable: true })
  factsChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
