import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecordReads } from '@cityworks/platform';
import { Application, ApplicationState, ClockStopRecord, RevocationRecord } from '../domain/application';
import { JointReviewParticipant } from '../domain/joint-review';
import { ApplicationRecord, StoredClockStop, StoredJointReviewParticipant } from './application.record';

const participantOf = (stored: StoredJointReviewParticipant): JointReviewParticipant => ({
  departmentCode: stored.departmentCode,
  opinion: stored.opinion as JointReviewParticipant['opinion'],
  note: stored.note,
  givenAt: stored.givenAt ? new Date(stored.givenAt) : null,
});

const storedParticipant = (participant: JointReviewParticipant): StoredJointReviewParticipant => ({
  ...participant,
  givenAt: participant.givenAt?.toISOString() ?? null,
});

/**
 * Where the caller's department concerns an application: it implements or supervises it, or takes
 * part in its joint review (jsonb containment, served by the joint_review GIN index).
 */
const CONCERNS_DEPARTMENT =
  "(a.department_code = :department OR a.supervising_department_code = :department OR a.joint_review @> jsonb_build_array(jsonb_build_object('departmentCode', :department::text)))";

/** Maps the model to its row and back; the model never sees TypeORM. */
function toState(record: ApplicationRecord): ApplicationState {
  return {
    id: record.id,
    projectCode: record.projectCode,
    itemCode: record.itemCode,
    departmentCode: record.departmentCode,
    supervisingDepartmentCode: record.supervisingDepartmentCode,
    regionCode: record.regionCode,
    ownerUscc: record.ownerUscc,
    onCommitment: record.onCommitment,
    greenChannel: record.greenChannel,
    supervisionFeedbackWorkingDays: record.supervisionFeedbackWorkingDays,
    status: record.status,
    acceptedAt: record.acceptedAt,
    decidedAt: record.decidedAt,
    decisionReason: record.decisionReason,
    terms: record.terms,
    clockStops: record.clockStops.map((stop): ClockStopRecord => ({
      reason: stop.reason as ClockStopRecord['reason'],
      note: stop.note,
      from: new Date(stop.from),
      to: stop.to ? new Date(stop.to) : null,
    })),
    illegalClockStopAttempts: record.illegalClockStopAttempts,
    overdueSince: record.overdueSince ?? null,
    supervisionFeedback: record.supervisionFeedback ? { ...record.supervisionFeedback, givenAt: new Date(record.supervisionFeedback.givenAt) } : null,
    revocation: record.revocation
      ? { source: record.revocation.source as RevocationRecord['source'], reason: record.revocation.reason, revokedAt: new Date(record.revocation.revokedAt) }
      : null,
    jointReview: (record.jointReview ?? []).map(participantOf),
  };
}

function toRecord(manager: EntityManager, application: Application): ApplicationRecord {
  const { clockStops, supervisionFeedback, revocation, jointReview, ...rest } = application.snapshot;
  const stored: StoredClockStop[] = clockStops.map((stop) => ({
    reason: stop.reason,
    note: stop.note,
    from: stop.from.toISOString(),
    to: stop.to?.toISOString() ?? null,
  }));
  return manager.create(ApplicationRecord, {
    ...rest,
    clockStops: stored,
    supervisionFeedback: supervisionFeedback ? { ...supervisionFeedback, givenAt: supervisionFeedback.givenAt.toISOString() } : null,
    revocation: revocation ? { ...revocation, revokedAt: revocation.revokedAt.toISOString() } : null,
    jointReview: jointReview.map(storedParticipant),
  });
}

export interface ApplicationFilter {
  status?: ApplicationState['status'];
  projectCode?: string;
  /** the caller's department: applications it implements, supervises or reviews jointly */
  department?: string;
}

@Injectable()
export class ApplicationsRepository {
  private reads?: RecordReads<ApplicationRecord>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads and locks the application for a change in the caller's transaction. */
  async lockForChange(manager: EntityManager, id: string): Promise<Application | null> {
    const record = await manager.findOne(ApplicationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return record ? Application.restore(toState(record)) : null;
  }

  async save(manager: EntityManager, application: Application): Promise<void> {
    await manager.save(ApplicationRecord, toRecord(manager, application));
  }

  async insert(manager: EntityManager, application: Application): Promise<void> {
    await manager.insert(ApplicationRecord, toRecord(manager, application));
  }

  async find(id: string): Promise<Application | null> {
    const record = await this.dataSource.getRepository(ApplicationRecord).findOne({ where: { id } });
    return record ? Application.restore(toState(record)) : null;
  }

  /** Applications with refused clock-stop attempts (不得违规暂停计时), most attempts first. */
  async withIllegalClockStopAttempts(department: string | undefined, page: number, pageSize: number): Promise<{ items: Application[]; total: number }> {
    const qb = this.dataSource.getRepository(ApplicationRecord).createQueryBuilder('a').where('a.illegal_clock_stop_attempts > 0');
    if (department) qb.andWhere(CONCERNS_DEPARTMENT, { department });
    const [records, total] = await qb
      .orderBy('a.illegal_clock_stop_attempts', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: records.map((r) => Application.restore(toState(r))), total };
  }

  /** Applications accepted in [from, to), for reports; the caller's department only unless undefined. */
  async acceptedBetween(from: Date, to: Date, department: string | undefined): Promise<ApplicationState[]> {
    const qb = this.dataSource.getRepository(ApplicationRecord).createQueryBuilder('a').where('a.accepted_at >= :from AND a.accepted_at < :to', { from, to });
    if (department) qb.andWhere(CONCERNS_DEPARTMENT, { department });
    return (await qb.orderBy('a.accepted_at', 'ASC').getMany()).map(toState);
  }

  /** Every application of a project (项目代码), oldest acceptance first, for its timing per stage. */
  async ofProject(projectCode: string): Promise<ApplicationState[]> {
    // a project's clocks and timing read it on every call: SQL made once (RecordReads), not per call
    this.reads ??= new RecordReads(this.dataSource, ApplicationRecord);
    const records = await this.reads.where('project_code = $1 ORDER BY accepted_at ASC, id ASC', [projectCode]);
    return records.map(toState);
  }

  async page(filter: ApplicationFilter, page: number, pageSize: number): Promise<{ items: Application[]; total: number }> {
    const qb = this.dataSource.getRepository(ApplicationRecord).createQueryBuilder('a');
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.projectCode) qb.andWhere('a.project_code = :projectCode', { projectCode: filter.projectCode });
    if (filter.department) qb.andWhere(CONCERNS_DEPARTMENT, { department: filter.department });
    const [records, total] = await qb
      .orderBy('a.accepted_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: records.map((r) => Application.restore(toState(r))), total };
  }
}
