import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, QueryFailedError } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ServiceCalendar, yearSpan } from '@cityworks/calendar-sync';
import { startOfChinaDay } from '@cityworks/calendar';
import {
  AuthUser,
  ComplaintTransferredV1,
  ComplaintReopenedV1,
  ComplaintUpheldV1,
  ComplaintAcknowledgedV1,
  ComplaintAnsweredV1,
  ComplaintEventTypes,
  ComplaintLadderTerms,
  ComplaintReceivedV1,
  NewIntegrationEvent,
  Topics,
} from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { departmentFilter, fieldError, invalid, mayAct, mayRead, Page } from '@cityworks/platform';
import { Complaint, ComplaintTransfer } from './complaint.entity';
import { ComplaintRouter } from '../routing/complaint-router';
import { IdentityCipher } from '../privacy/identity-cipher';
import { readsIdentityInClear } from '../privacy/identity-access';
import { maskIdentity } from '../privacy/masking';
import { complaintDeadlines, ComplaintDeadlinePolicy } from './complaint-deadlines';
import { ComplaintAction, nextStatus, refusalOf } from './complaint-lifecycle';
import { ReceiveComplaintDto, TransferComplaintDto } from './dto/receive-complaint.dto';
import { ListComplaintsQuery } from './dto/list-complaints.query';
import { ComplaintDetailView, ComplaintView } from './dto/complaint.view';
import { ComplaintWorkflowClient } from './workflow/complaint.workflow-client';
import { ComplaintStatisticsQuery } from './dto/complaint-statistics.query';
import { ComplaintStatisticsView } from './dto/complaint-statistics.view';
import { defaultKindOf, kindCategoryConflict } from './intake/complaint-kind';
import { intakeDigest } from './intake/intake-digest';
import { Finding, findingRefusal, rate, Rating, reviewAnswerRefusal } from './review/complaint-review';
import { ReviewPolicy } from './review/review-policy';

/** What receipt answers: the complaint, and whether this delivery repeated one already received. */
export interface Receipt {
  complaint: ComplaintView;
  repeated: boolean;
}

export const COMPLAINT_DEADLINE_POLICY = Symbol('COMPLAINT_DEADLINE_POLICY');
export const COMPLAINT_LADDER = Symbol('COMPLAINT_LADDER');
export const COMPLAINT_REVIEW_POLICY = Symbol('COMPLAINT_REVIEW_POLICY');

@Injectable()
export class ComplaintsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly calendar: ServiceCalendar,
    @Inject(COMPLAINT_DEADLINE_POLICY) private readonly policy: ComplaintDeadlinePolicy,
    @Inject(COMPLAINT_LADDER) private readonly ladder: ComplaintLadderTerms,
    private readonly workflow: ComplaintWorkflowClient,
    private readonly router: ComplaintRouter,
    @Inject(COMPLAINT_REVIEW_POLICY) private readonly review: ReviewPolicy,
    private readonly identities: IdentityCipher,
  ) {
    this.calendar.onArrangementLoaded((year, manager, change) => this.recomputeDeadlinesAcross(year, manager, change?.revision).then(() => undefined));
  }

  /**
   * A year's holiday arrangement changed (first official one, correction, or an earlier revision
   * restored): every open complaint whose deadlines run across that year — from receipt to the
   * answer deadline — gets them computed again from its receipt, provisional or not, and recorded.
   */
  async recomputeDeadlinesAcross(year: number, manager: EntityManager, revision?: number): Promise<number> {
    const { from, to } = yearSpan(year);
    const open = await manager
      .createQueryBuilder(Complaint, 'c')
      .setLock('pessimistic_write')
      .where("c.status <> 'answered' AND c.received_at <= :to AND c.answer_due_at >= :from", { from, to })
      .getMany();
    return this.uow.runIn(manager, async (change) => {
      let moved = 0;
      for (const complaint of open) {
        const next = complaintDeadlines(this.calendar.current, complaint.receivedAt, this.policy);
        const before = {
          acknowledgeDueAt: complaint.acknowledgeDueAt.toISOString(),
          answerDueAt: complaint.answerDueAt.toISOString(),
          dueProvisional: complaint.dueProvisional,
        };
        const after = { acknowledgeDueAt: next.acknowledgeDueAt.toISOString(), answerDueAt: next.answerDueAt.toISOString(), dueProvisional: next.provisional };
        if (JSON.stringify(before) === JSON.stringify(after)) continue;
        await manager.update(
          Complaint,
          { id: complaint.id },
          { acknowledgeDueAt: next.acknowledgeDueAt, answerDueAt: next.answerDueAt, dueProvisional: next.provisional },
        );
        if (before.acknowledgeDueAt !== after.acknowledgeDueAt || before.answerDueAt !== after.answerDueAt)
          change.command(
            this.workflow.deadlinesMoved(
              Object.assign(complaint, { acknowledgeDueAt: next.acknowledgeDueAt, answerDueAt: next.answerDueAt }),
              `holiday arrangement for ${year} changed`,
            ),
          );
        change.audit({
          action: 'complaint.deadlines-recomputed',
          resourceType: 'complaint',
          resourceId: complaint.id,
          before,
          after: { ...after, arrangementYear: year, arrangementRevision: revision ?? null },
        });
        moved++;
      }
      return moved;
    });
  }

  /** 谁主管谁监管: another department's complaint does not exist, as far as this caller can tell. */
  private assertReadable(user: AuthUser, complaint: Complaint): void {
    if (!mayRead(user, complaint.departmentCode, complaint.reviewDepartmentCode)) throw new NotFoundException(`complaint ${complaint.id} not found`);
  }

  /**
   * 受理: records the complaint with its deadlines, routed by 属地 and duty from complaints' copy
   * of the catalog (never by the caller), and announces it — ids only, never the complainant. A
   * channel's record delivered again answers with the complaint it made.
   */
  async receive(dto: ReceiveComplaintDto): Promise<Receipt> {
    const kind = dto.kind ?? defaultKindOf(dto.category);
    const conflict = kindCategoryConflict(kind, dto.category);
    if (conflict) throw invalid([fieldError('kind', 'kindMatchesCategory', conflict)]);
    const attachments = (dto.attachments ?? []).map((a) => ({ name: a.name, sha256: a.sha256.toLowerCase(), size: a.size }));
    const digest = intakeDigest({ ...dto, kind, attachments });
    if (dto.externalRef) {
      const earlier = await this.deliveredBefore(this.dataSource.manager, dto.channel, dto.externalRef, digest);
      if (earlier) return { complaint: ComplaintView.of(earlier), repeated: true };
    }
    try {
      return { complaint: await this.record(dto, kind, attachments, digest), repeated: false };
    } catch (e) {
      // the same record delivered twice at once: the other delivery made the complaint
      if (dto.externalRef && e instanceof QueryFailedError && (e.driverError as { constraint?: string }).constraint === 'complaints_channel_ref') {
        const earlier = await this.deliveredBefore(this.dataSource.manager, dto.channel, dto.externalRef, digest);
        if (earlier) return { complaint: ComplaintView.of(earlier), repeated: true };
      }
      throw e;
    }
  }

  private async record(dto: ReceiveComplaintDto, kind: Complaint['kind'], attachments: Complaint['attachments'], digest: string): Promise<ComplaintView> {
    const receivedAt = new Date();
    const { acknowledgeDueAt, answerDueAt, provisional } = complaintDeadlines(this.calendar.current, receivedAt, this.policy);
    const complaint = await this.uow.run(async (change) => {
      const { manager } = change;
      const routed = await this.router.route(manager, { ...dto, kind }, receivedAt);
      const id = randomUUID();
      // sealed before it reaches the database: no clear copy in a row, a WAL record or a backup
      const sealed = dto.complainant
        ? this.identities.seal(id, { name: dto.complainant.name ?? null, phone: dto.complainant.phone ?? null, email: dto.complainant.email ?? null })
        : null;
      const complaint = manager.create(Complaint, {
        id,
        complainantSealed: sealed?.sealed ?? null,
        complainantKeyId: sealed?.keyId ?? null,
        channel: dto.channel,
        externalRef: dto.externalRef ?? null,
        intakeDigest: digest,
        kind,
        category: dto.category,
        regionCode: dto.regionCode,
        departmentCode: routed.departmentCode,
        itemCode: routed.itemCode,
        routedBy: routed.routedBy,
        subjectUscc: dto.subjectUscc ?? null,
        projectCode: dto.projectCode ?? null,
        content: dto.content,
        attachments,
        anonymous: !dto.complainant,
        status: 'received',
        receivedAt,
        acknowledgeDueAt,
        acknowledgedAt: null,
        answerDueAt,
        answeredAt: null,
        answer: null,
        ratingDueAt: null,
        answerRating: null,
        answerRatedAt: null,
        reopenedAt: null,
        reviewDepartmentCode: null,
        reviewDueAt: null,
        reviewAnsweredAt: null,
        reviewAnswer: null,
        reviewRatingDueAt: null,
        reviewRating: null,
        reviewRatedAt: null,
        finding: null,
        foundAt: null,
        dueProvisional: provisional,
      });
      await manager.insert(Complaint, complaint);
      // the audit trail is read by auditors: ids and codes, like the event, no personal data
      change.audit({
        action: 'complaint.received',
        resourceType: 'complaint',
        resourceId: complaint.id,
        after: {
          status: complaint.status,
          channel: complaint.channel,
          externalRef: complaint.externalRef,
          kind: complaint.kind,
          category: complaint.category,
          regionCode: complaint.regionCode,
          departmentCode: complaint.departmentCode,
          itemCode: complaint.itemCode,
          routedBy: complaint.routedBy,
        },
      });
      change.publish<ComplaintReceivedV1>(Topics.complaints, {
        type: ComplaintEventTypes.received,
        subject: complaint.id,
        data: {
          complaintId: complaint.id,
          channel: complaint.channel,
          category: complaint.category,
          regionCode: complaint.regionCode,
          departmentCode: complaint.departmentCode,
          subjectUscc: complaint.subjectUscc,
          projectCode: complaint.projectCode,
          receivedAt: receivedAt.toISOString(),
          acknowledgeDueAt: acknowledgeDueAt.toISOString(),
          answerDueAt: answerDueAt.toISOString(),
        },
      });
      // 有诉必应 on the escalation ladder: the workflow starts once the receipt commits
      change.command(this.workflow.start(complaint, this.ladder));
      return complaint;
    });
    return ComplaintView.of(complaint);
  }

  /**
   * The complaint a channel's record made before, when it is delivered again (按属地、部门职能推送
   * repeats pushes it has no acknowledgement for). The same number with another matter is a
   * different record under a reused number: refused, naming the complaint the number made.
   */
  private async deliveredBefore(manager: EntityManager, channel: Complaint['channel'], externalRef: string, digest: string): Promise<Complaint | null> {
    const existing = await manager.findOne(Complaint, { where: { channel, externalRef } });
    if (!existing) return null;
    if (existing.intakeDigest !== null && existing.intakeDigest !== digest)
      throw new ConflictException(
        `complaint ${externalRef} from channel ${channel} was already received as ${existing.id} with different content; a channel number stands for one record`,
      );
    return existing;
  }

  /**
   * 错转: the department it is with (or the 工改办) passes the complaint to the department whose
   * duty it is, with the reason. The history is kept; the deadlines stay as they were — the
   * clock runs from receipt, not from the transfer — and the workflow's ladder turns to the new
   * department. An answered complaint is not transferred: its answer stands or is reviewed.
   */
  async transfer(user: AuthUser, id: string, dto: TransferComplaintDto): Promise<ComplaintView> {
    const complaint = await this.uow.run(async (change) => {
      const { manager } = change;
      const current = await this.lockedForAction(manager, user, id, 'transfer');
      if (current.status !== 'received' && current.status !== 'acknowledged')
        throw new ConflictException(`complaint ${id} is already ${current.status}; only a complaint not yet answered can be transferred`);
      if (dto.toDepartmentCode === current.departmentCode)
        throw new UnprocessableEntityException(`complaint ${id} is already with ${current.departmentCode}; a transfer goes to another department`);
      const transfer = manager.create(ComplaintTransfer, {
        id: randomUUID(),
        complaintId: id,
        fromDepartmentCode: current.departmentCode,
        toDepartmentCode: dto.toDepartmentCode,
        reason: dto.reason.trim(),
        transferredBy: user.userId,
        transferredAt: new Date(),
      });
      await manager.insert(ComplaintTransfer, transfer);
      current.departmentCode = dto.toDepartmentCode;
      await manager.update(Complaint, { id }, { departmentCode: dto.toDepartmentCode });
      change.audit({
        action: 'complaint.transferred',
        resourceType: 'complaint',
        resourceId: id,
        before: { departmentCode: transfer.fromDepartmentCode },
        after: { departmentCode: transfer.toDepartmentCode, reason: transfer.reason, transferId: transfer.id },
      });
      change.publish<ComplaintTransferredV1>(Topics.complaints, {
        type: ComplaintEventTypes.transferred,
        subject: id,
        data: {
          complaintId: id,
          fromDepartmentCode: transfer.fromDepartmentCode,
          toDepartmentCode: transfer.toDepartmentCode,
          transferredAt: transfer.transferredAt.toISOString(),
        },
      });
      change.command(this.workflow.transferred(current, transfer));
      return current;
    });
    return ComplaintView.of(complaint);
  }

  /** The complaint locked for a change, after the caller's right to it is checked: 404 unreadable, 403 not theirs to act on. */
  private async lockedForAction(manager: EntityManager, user: AuthUser, id: string, action: string): Promise<Complaint> {
    const current = await manager.findOne(Complaint, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw new NotFoundException(`complaint ${id} not found`);
    this.assertReadable(user, current);
    if (!mayAct(user, current.departmentCode))
      throw new ForbiddenException(`only the handling department ${current.departmentCode} may ${action} complaint ${id}`);
    return current;
  }

  /** 错转 history, oldest first. */
  transfersOf(id: string): Promise<ComplaintTransfer[]> {
    return this.dataSource.getRepository(ComplaintTransfer).find({ where: { complaintId: id }, order: { transferredAt: 'ASC', id: 'ASC' } });
  }

  acknowledge(user: AuthUser, id: string): Promise<ComplaintView> {
    return this.advance(user, id, 'acknowledge', (c, now): NewIntegrationEvent<ComplaintAcknowledgedV1> => {
      c.acknowledgedAt = now;
      return {
        type: ComplaintEventTypes.acknowledged,
        subject: c.id,
        data: {
          complaintId: c.id,
          departmentCode: c.departmentCode,
          acknowledgedAt: now.toISOString(),
          acknowledgeDueAt: c.acknowledgeDueAt.toISOString(),
          onTime: now <= c.acknowledgeDueAt,
        },
      };
    });
  }

  /** 有诉必应: the answer text stays here; the event says only that, when, and whether on time. */
  answer(user: AuthUser, id: string, answer: string): Promise<ComplaintView> {
    return this.advance(user, id, 'answer', (c, now): NewIntegrationEvent<ComplaintAnsweredV1> => {
      c.answeredAt = now;
      c.answer = answer;
      c.ratingDueAt = this.calendar.current.dueInstant(now, this.review.ratingWorkingDays).dueAt;
      return {
        type: ComplaintEventTypes.answered,
        subject: c.id,
        data: {
          complaintId: c.id,
          departmentCode: c.departmentCode,
          answeredAt: now.toISOString(),
          answerDueAt: c.answerDueAt.toISOString(),
          onTime: now <= c.answerDueAt,
        },
      };
    });
  }

  private async advance(user: AuthUser, id: string, action: ComplaintAction, apply: (c: Complaint, now: Date) => NewIntegrationEvent): Promise<ComplaintView> {
    const complaint = await this.uow.run(async (change) => {
      const { manager } = change;
      const current = await this.lockedForAction(manager, user, id, action);
      const refusal = refusalOf(action, current.status, id);
      if (refusal) throw new ConflictException(refusal);
      const before = { status: current.status };
      current.status = nextStatus(action);
      const event = apply(current, new Date());
      await manager.save(current);
      change.audit({ action: `complaint.${current.status}`, resourceType: 'complaint', resourceId: id, before, after: { status: current.status } });
      change.publish(Topics.complaints, event);
      change.command(action === 'acknowledge' ? this.workflow.acknowledged(current) : this.workflow.answered(current));
      return current;
    });
    return ComplaintView.of(complaint);
  }

  /**
   * 满意度回访: the complainant's rating of the answer, relayed by the channel. Unsatisfied with the
   * first answer, the complaint is reopened — once — for review by the territory's 工改办 by its
   * own deadline, and the workflow puts that review on the ladder; the review answer's rating is
   * final (an unsatisfied one is refused: {@link rate}).
   */
  async rate(user: AuthUser, id: string, rating: Rating): Promise<ComplaintView> {
    const complaint = await this.uow.run(async (change) => {
      const { manager } = change;
      const c = await this.lockedForAction(manager, user, id, 'rate');
      const now = new Date();
      const outcome = rate(c, rating, now);
      if (outcome.round === 'review') {
        Object.assign(c, { reviewRating: rating, reviewRatedAt: now });
        await manager.update(Complaint, { id }, { reviewRating: rating, reviewRatedAt: now });
        change.audit({ action: 'complaint.review-rated', resourceType: 'complaint', resourceId: id, after: { reviewRating: rating } });
        return c;
      }
      const rated = { answerRating: rating, answerRatedAt: now };
      if (!outcome.reopens) {
        Object.assign(c, rated);
        await manager.update(Complaint, { id }, rated);
        change.audit({ action: 'complaint.rated', resourceType: 'complaint', resourceId: id, after: { answerRating: rating } });
        change.command(this.workflow.rated(c, rating, now));
        return c;
      }
      const reopened = {
        ...rated,
        reopenedAt: now,
        reviewDepartmentCode: this.router.reformOfficeFor(c.regionCode),
        reviewDueAt: this.calendar.current.dueInstant(now, this.review.reviewWorkingDays).dueAt,
      };
      Object.assign(c, reopened);
      await manager.update(Complaint, { id }, reopened);
      change.audit({
        action: 'complaint.reopened',
        resourceType: 'complaint',
        resourceId: id,
        after: { answerRating: rating, reviewDepartmentCode: reopened.reviewDepartmentCode, reviewDueAt: reopened.reviewDueAt.toISOString() },
      });
      change.publish<ComplaintReopenedV1>(Topics.complaints, {
        type: ComplaintEventTypes.reopened,
        subject: id,
        data: { complaintId: id, departmentCode: c.departmentCode, reopenedAt: now.toISOString(), reviewDueAt: reopened.reviewDueAt.toISOString() },
      });
      change.command(
        this.workflow.reopened(c.id, {
          reviewDepartmentCode: reopened.reviewDepartmentCode,
          reviewDueAt: reopened.reviewDueAt.toISOString(),
          at: now.toISOString(),
        }),
      );
      return c;
    });
    return ComplaintView.of(complaint);
  }

  /** 复核答复: the 工改办 reviewing a reopened complaint answers the complainant again. */
  async answerReview(user: AuthUser, id: string, answer: string): Promise<ComplaintView> {
    const complaint = await this.uow.run(async (change) => {
      const { manager } = change;
      const c = await manager.findOne(Complaint, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw new NotFoundException(`complaint ${id} not found`);
      this.assertReadable(user, c);
      const refusal = reviewAnswerRefusal(c);
      if (refusal) throw new ConflictException(refusal);
      if (!mayAct(user, c.reviewDepartmentCode))
        throw new ForbiddenException(`only the reviewing 工改办 ${c.reviewDepartmentCode} may answer the review of complaint ${id}`);
      const now = new Date();
      const reviewed = {
        reviewAnsweredAt: now,
        reviewAnswer: answer,
        reviewRatingDueAt: this.calendar.current.dueInstant(now, this.review.ratingWorkingDays).dueAt,
      };
      Object.assign(c, reviewed);
      await manager.update(Complaint, { id }, reviewed);
      change.audit({
        action: 'complaint.review-answered',
        resourceType: 'complaint',
        resourceId: id,
        after: { reviewAnsweredAt: now.toISOString(), onTime: c.reviewDueAt !== null && now <= c.reviewDueAt },
      });
      change.command(this.workflow.reviewAnswered(c.id, now));
      return c;
    });
    return ComplaintView.of(complaint);
  }

  /**
   * 属实认定: the handling department records whether the matter was substantiated. A
   * substantiated complaint is announced (complaints.upheld.v1): supervision opens a 专项检查 for
   * a violation report, credit records a 失信 against the subject — ids and codes only.
   */
  async recordFinding(user: AuthUser, id: string, finding: Finding): Promise<ComplaintView> {
    const complaint = await this.uow.run(async (change) => {
      const { manager } = change;
      const c = await this.lockedForAction(manager, user, id, 'record a finding on');
      const refusal = findingRefusal(c);
      if (refusal) throw refusal;
      const now = new Date();
      Object.assign(c, { finding, foundAt: now });
      await manager.update(Complaint, { id }, { finding, foundAt: now });
      change.audit({ action: 'complaint.finding-recorded', resourceType: 'complaint', resourceId: id, after: { finding } });
      if (finding === 'substantiated')
        change.publish<ComplaintUpheldV1>(Topics.complaints, {
          type: ComplaintEventTypes.upheld,
          subject: id,
          data: {
            complaintId: id,
            category: c.category,
            regionCode: c.regionCode,
            departmentCode: c.departmentCode,
            subjectUscc: c.subjectUscc,
            projectCode: c.projectCode,
            itemCode: c.itemCode,
            upheldAt: now.toISOString(),
          },
        });
      return c;
    });
    return ComplaintView.of(complaint);
  }

  /**
   * One complaint. The complainant's identity is opened for the detail only, and shown in clear
   * to the handling department's handlers and the 工改办, masked (脱敏) to every other reader.
   */
  async detail(user: AuthUser, id: string): Promise<ComplaintDetailView> {
    const complaint = await this.find(id);
    if (!complaint) throw new NotFoundException(`complaint ${id} not found`);
    this.assertReadable(user, complaint);
    const transfers = await this.transfersOf(id);
    if (complaint.anonymous) return ComplaintDetailView.detailOf(complaint, null, false, transfers);
    const row = await this.dataSource
      .getRepository(Complaint)
      .findOne({ where: { id }, select: { id: true, complainantSealed: true, complainantKeyId: true } });
    // the database holds a sealed identity for every complaint that is not anonymous (complaints_complainant_sealed)
    if (!row?.complainantSealed || !row.complainantKeyId) throw new Error(`complaint ${id} is not anonymous but has no sealed identity`);
    const identity = this.identities.open(id, { keyId: row.complainantKeyId, sealed: row.complainantSealed });
    const clear = readsIdentityInClear(user, complaint);
    return ComplaintDetailView.detailOf(complaint, clear ? identity : maskIdentity(identity), !clear, transfers);
  }

  /** Without the complainant: `select: false` keeps those columns out of this query. */
  find(id: string): Promise<Complaint | null> {
    return this.dataSource.getRepository(Complaint).findOne({ where: { id } });
  }

  /**
   * 有诉必应 statistics of complaints received in a year or month (China time), per department, kind
   * and category, with reopenings and satisfaction (the last rating: the review's when reopened); a handler sees its own department, the 工改办 and auditors every one. "Late" counts
   * both the late and the still-missing past their deadline, as of now.
   */
  async statistics(user: AuthUser, query: ComplaintStatisticsQuery): Promise<ComplaintStatisticsView> {
    const first = `${query.year}-${String(query.month ?? 1).padStart(2, '0')}-01`;
    const next = query.month
      ? query.month === 12
        ? `${query.year + 1}-01-01`
        : `${query.year}-${String(query.month + 1).padStart(2, '0')}-01`
      : `${query.year + 1}-01-01`;
    const from = startOfChinaDay(first);
    const to = startOfChinaDay(next);
    const own = departmentFilter(user);
    const department = own ?? query.departmentCode ?? null;
    if (own && query.departmentCode && query.departmentCode !== own) return { from: from.toISOString(), to: to.toISOString(), rows: [] };
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `SELECT department_code AS "departmentCode", kind, category,
              count(*)::int AS received,
              count(*) FILTER (WHERE acknowledged_at IS NOT NULL AND acknowledged_at <= acknowledge_due_at)::int AS "acknowledgedOnTime",
              count(*) FILTER (WHERE acknowledged_at > acknowledge_due_at OR (acknowledged_at IS NULL AND acknowledge_due_at < now()))::int AS "acknowledgedLate",
              count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= answer_due_at)::int AS "answeredOnTime",
              count(*) FILTER (WHERE answered_at > answer_due_at OR (answered_at IS NULL AND answer_due_at < now()))::int AS "answeredLate",
              count(*) FILTER (WHERE acknowledged_at > acknowledge_due_at OR (acknowledged_at IS NULL AND acknowledge_due_at < now())
                                  OR answered_at > answer_due_at OR (answered_at IS NULL AND answer_due_at < now()))::int AS late,
              count(*) FILTER (WHERE answered_at IS NULL)::int AS open,
              count(*) FILTER (WHERE reopened_at IS NOT NULL)::int AS reopened,
              count(*) FILTER (WHERE coalesce(review_rating, answer_rating) = 'satisfied')::int AS satisfied,
              count(*) FILTER (WHERE coalesce(review_rating, answer_rating) = 'unsatisfied')::int AS unsatisfied
         FROM complaints
        WHERE received_at >= $1 AND received_at < $2 AND ($3::varchar IS NULL OR department_code = $3)
        GROUP BY department_code, kind, category
        ORDER BY department_code, kind, category`,
      [from, to, department],
    );
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      rows: rows.map((r) => {
        const rated = Number(r.satisfied) + Number(r.unsatisfied);
        // 满意率: of the complaints rated, the share whose last rating was satisfied
        return { ...r, satisfactionRate: rated ? Math.round((Number(r.satisfied) / rated) * 1000) / 1000 : null };
      }) as unknown as ComplaintStatisticsView['rows'],
    };
  }

  /** A handler sees their own department's complaints; the reform office and auditors see all. */
  async list(user: AuthUser, query: ListComplaintsQuery): Promise<Page<ComplaintView>> {
    const own = departmentFilter(user);
    if (own && query.departmentCode && query.departmentCode !== own) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const where: FindOptionsWhere<Complaint> = {};
    if (query.status) where.status = query.status;
    if (query.regionCode) where.regionCode = query.regionCode;
    const department = own ?? query.departmentCode;
    // a 工改办 also sees the complaints reopened for its review
    const scoped = department
      ? [
          { ...where, departmentCode: department },
          { ...where, reviewDepartmentCode: department },
        ]
      : where;
    const [complaints, total] = await this.dataSource.getRepository(Complaint).findAndCount({
      where: scoped,
      order: { receivedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: complaints.map((c) => ComplaintView.of(c)), total, page: query.page, pageSize: query.pageSize };
  }
}
