import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalDecidedV1, AuthUser, Topics } from '@cityworks/contracts';
import { stableUuid, UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { departmentFilter, mayAct, mayRead } from '@cityworks/platform';
import { Commitment } from './domain/commitment';
import { CommitmentTerms } from './domain/commitment-terms';
import { CommitmentsRepository } from './persistence/commitments.repository';
import { CommitmentWorkflowClient } from './workflow/commitment.workflow-client';
import { CommitmentPageView, CommitmentView } from './views/commitment.view';
import { ListCommitmentsQuery } from './dto/list-commitments.query';
import { AnswerCommitmentReviewDto, RecordCommitmentCheckDto } from './dto/record-commitment-check.dto';

const RESOURCE = 'commitment';
export const COMMITMENT_TERMS = Symbol('COMMITMENT_TERMS');

/**
 * Use cases of 告知承诺核查: who may act is checked here (the supervising department verifies,
 * the approving department answers the 复核), what may happen is the model's
 * (domain/commitment.ts), and every change goes through the unit of work with the signal that
 * tells the commitment's workflow.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly commitments: CommitmentsRepository,
    private readonly workflow: CommitmentWorkflowClient,
    private readonly calendar: ServiceCalendar,
    @Inject(COMMITMENT_TERMS) private readonly terms: CommitmentTerms,
  ) {
    this.calendar.onArrangementLoaded((year, manager) => this.recomputeDeadlines(year, manager).then(() => undefined));
  }

  /** The supervising department verifies; the approving department follows it and answers the 复核. */
  private assertReadable(user: AuthUser, commitment: Commitment): void {
    const s = commitment.snapshot;
    if (!mayRead(user, s.supervisingDepartmentCode, s.approvingDepartmentCode)) throw new NotFoundException(`commitment ${s.id} not found`);
  }

  /**
   * A decision approved on commitment reached supervision: the verification opens, due after the
   * item's verification period, and its workflow starts. In the consumer's inbox transaction; the
   * id derives from the application, so a redelivered event finds what the first one made.
   */
  async openFromDecision(decision: ApprovalDecidedV1, manager: EntityManager): Promise<CommitmentView> {
    const id = stableUuid('commitment', decision.applicationId);
    const existing = await this.commitments.findIn(manager, id);
    if (existing) return CommitmentView.of(existing);
    const deadline = this.calendar.current.dueInstant(new Date(decision.decidedAt), decision.commitmentVerificationWorkingDays!);
    const { commitment, transition } = Commitment.open(decision, id, CommitmentWorkflowClient.workflowId(decision.applicationId), deadline);
    await this.uow.runIn(manager, async (change) => {
      await this.commitments.insert(manager, commitment);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      change.command(this.workflow.start(commitment));
    });
    return CommitmentView.of(commitment);
  }

  async list(user: AuthUser, query: ListCommitmentsQuery): Promise<CommitmentPageView> {
    const { items, total } = await this.commitments.page(
      {
        status: query.status,
        supervisingDepartmentCode: query.supervisingDepartmentCode,
        applicationId: query.applicationId,
        ownerUscc: query.ownerUscc,
        department: departmentFilter(user),
      },
      query.page,
      query.pageSize,
    );
    const now = new Date();
    return { items: items.map((c) => CommitmentView.of(c, now)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<CommitmentView> {
    const commitment = await this.commitments.find(id);
    if (!commitment) throw new NotFoundException(`commitment ${id} not found`);
    this.assertReadable(user, commitment);
    return CommitmentView.of(commitment);
  }

  /** 核查 / 复查 recorded by the supervising department; the workflow carries out what it implies. */
  async recordCheck(user: AuthUser, id: string, dto: RecordCommitmentCheckDto): Promise<CommitmentView> {
    const commitment = await this.change(user, id, (current) => {
      const department = current.snapshot.supervisingDepartmentCode;
      if (!mayAct(user, department)) throw new ForbiddenException(`only the supervising department ${department} verifies commitment ${id}`);
      return current.recordCheck(
        {
          outcome: dto.outcome,
          findings: dto.findings,
          evidence: dto.evidence.map((e) => ({ kind: e.kind, reference: e.reference.trim(), title: e.title?.trim() || null })),
          inspectedAt: new Date(dto.inspectedAt),
          rectificationWorkingDays: dto.rectificationWorkingDays,
          recordedBy: user.userId,
        },
        this.terms,
        this.calendar.current,
        new Date(),
      );
    });
    return CommitmentView.of(commitment);
  }

  /** 复核 answered by the approving department. */
  async answerReview(user: AuthUser, id: string, dto: AnswerCommitmentReviewDto): Promise<CommitmentView> {
    const commitment = await this.change(user, id, (current) => {
      const department = current.snapshot.approvingDepartmentCode;
      if (!mayAct(user, department)) throw new ForbiddenException(`only the approving department ${department} answers the 复核 request of commitment ${id}`);
      return current.answerReview(dto.answer, user.userId, new Date());
    });
    return CommitmentView.of(commitment);
  }

  /**
   * A holiday arrangement for `year` took effect: every verification still awaited whose working
   * days run through that year gets its deadline computed again, recorded, and its workflow told.
   */
  async recomputeDeadlines(year: number, manager: EntityManager): Promise<number> {
    const reason = `holiday arrangement for ${year} changed`;
    return this.uow.runIn(manager, async (change) => {
      let moved = 0;
      for (const commitment of await this.commitments.lockAwaitingCountingThrough(manager, year)) {
        const s = commitment.snapshot;
        const before = s.dueAt.getTime();
        const transition = commitment.moveDeadline(this.calendar.current.dueInstant(s.decidedAt, s.verificationWorkingDays), reason);
        if (!transition) continue;
        await this.commitments.save(manager, commitment);
        change.record({ type: RESOURCE, id: commitment.id }, { ...transition, after: { ...transition.after, arrangementYear: year } }, Topics.supervision);
        if (commitment.snapshot.dueAt.getTime() !== before) change.command(this.workflow.deadlineMoved(commitment, reason));
        moved++;
      }
      return moved;
    });
  }

  /** Loads and locks, runs one transition, saves and records it with the signal to the workflow. */
  private change(user: AuthUser, id: string, transition: (current: Commitment) => ReturnType<Commitment['answerReview']>): Promise<Commitment> {
    return this.uow.run(async (change) => {
      const current = await this.commitments.lockForChange(change.manager, id);
      if (!current) throw new NotFoundException(`commitment ${id} not found`);
      this.assertReadable(user, current);
      const reviewAnsweredBefore = !!current.snapshot.review?.answeredAt;
      const checksBefore = current.snapshot.checks.length;
      const result = transition(current);
      await this.commitments.save(change.manager, current);
      change.record({ type: RESOURCE, id }, result, Topics.supervision);
      if (current.snapshot.checks.length > checksBefore) change.command(this.workflow.checked(current));
      if (!reviewAnsweredBefore && current.snapshot.review?.answeredAt) change.command(this.workflow.reviewAnswered(current));
      return current;
    });
  }
}
