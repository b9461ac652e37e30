import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ServiceCalendar, yearSpan } from '@cityworks/calendar-sync';
import { chinaDateOf } from '@cityworks/calendar';
import { ApprovalDecidedV1, ApprovalRevokedV1, AuthUser, IntegrationEvent, SupervisionPenaltyDecidedV1, Topics } from '@cityworks/contracts';
import { PermanentEventError, StateChange, UnitOfWork } from '@cityworks/messaging';
import { departmentFilter, formatCsv, mayAct, mayRead, Page } from '@cityworks/platform';
import { Subject } from '../subjects/registry/subject.entity';
import { missingFields, NATIONAL_FIELDS, NationalRecord, nationalShape, yuanToWanYuan } from './domain/national-fields';
import { completeFields, publish, PublicationState, withdraw } from './domain/publication';
import { Publication } from './publication.entity';
import { publishable, PublicationTerms, publicationDueAt, publicUntil } from './publication-terms';
import { PublicationWorkflowClient } from './publication.workflow-client';
import { CompletePublicationDto, ExportPublicationsQuery, ListPublicationsQuery, PublicationExportView, PublicationView } from './dto/publication.dto';

export const PUBLICATION_TERMS = Symbol('PUBLICATION_TERMS');

export interface ExportFile {
  contentType: string;
  filename: string;
  body: string | PublicationExportView;
}

/**
 * 双公示: a publication per permit decision (approval.decided.v1, approved) and per penalty
 * (supervision.penalty-decided.v1), due `days` (working or calendar) days after the decision, its
 * deadline watched by `publication-<id>` on the escalation ladder. The deciding department's
 * credit desk completes the national fields and publishes; only then is it on the public register.
 */
@Injectable()
export class PublicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly calendar: ServiceCalendar,
    private readonly workflow: PublicationWorkflowClient,
    @Inject(PUBLICATION_TERMS) readonly terms: PublicationTerms,
  ) {
    this.calendar.onArrangementLoaded((year, manager) => this.recomputeDeadlinesAcross(year, manager).then(() => undefined));
  }

  /** A penalty to publish, in the consumer's transaction; `recordId` is the 失信 record it made. */
  async fromPenalty(change: StateChange, event: IntegrationEvent<SupervisionPenaltyDecidedV1>, recordId: string | null): Promise<Publication | null> {
    const d = event.data;
    let fine: string | null;
    try {
      fine = yuanToWanYuan(d.fineAmount ?? null);
    } catch (e) {
      throw new PermanentEventError(`${event.type} ${event.id}: ${(e as Error).message}`);
    }
    const until = publicUntil(d.decisionDate, this.terms.penaltyPublicMonths[d.severity]);
    return this.create(change, event, {
      kind: 'penalty',
      departmentCode: d.departmentCode,
      regionCode: null,
      uscc: d.subjectUscc,
      sourceRef: d.actionId,
      recordId,
      decisionDate: d.decisionDate,
      publicUntil: until,
      fields: {
        subjectName: d.subjectName,
        uscc: d.subjectUscc,
        legalRepresentative: d.legalRepresentative ?? null,
        documentNumber: d.documentNumber,
        violationType: d.violationType,
        facts: d.facts,
        legalBasis: d.legalBasis,
        category: d.category,
        content: d.content,
        fineAmount: fine,
        decisionDate: d.decisionDate,
        publicUntil: until,
      },
    });
  }

  /**
   * An approved permit to publish. The event carries codes only: the subject's name and 法定代表人
   * come from the subjects the credit office knows, the rest (许可文书号, 类别, 内容, 有效期, 机关)
   * from the department before it publishes.
   */
  async fromPermit(change: StateChange, event: IntegrationEvent<ApprovalDecidedV1>): Promise<Publication | null> {
    const d = event.data;
    const decisionDate = chinaDateOf(new Date(d.decidedAt));
    const subject = await change.manager.findOne(Subject, { where: { uscc: d.ownerUscc } });
    return this.create(change, event, {
      kind: 'permit',
      departmentCode: d.approvingDepartmentCode,
      regionCode: /^\d{6}$/.test(d.regionCode ?? '') ? d.regionCode : null,
      uscc: d.ownerUscc,
      sourceRef: d.applicationId,
      recordId: null,
      decisionDate,
      publicUntil: publicUntil(decisionDate, this.terms.permitPublicMonths),
      fields: {
        subjectName: subject?.name ?? null,
        uscc: d.ownerUscc,
        legalRepresentative: subject?.legalRepresentative ?? null,
        decisionDate,
      },
    });
  }

  private async create(
    change: StateChange,
    event: IntegrationEvent<unknown>,
    input: Pick<Publication, 'kind' | 'departmentCode' | 'regionCode' | 'uscc' | 'sourceRef' | 'recordId' | 'decisionDate' | 'publicUntil'> & {
      fields: NationalRecord;
    },
  ): Promise<Publication | null> {
    const { manager } = change;
    if (!publishable(this.terms, input.decisionDate)) return null;
    // one publication per decision: a redelivery, or the same decision under another event id, makes none
    const existing = await manager.findOne(Publication, { where: [{ sourceEventId: event.id }, { kind: input.kind, sourceRef: input.sourceRef }] });
    if (existing) return null;
    const publication = manager.create(Publication, {
      ...input,
      id: randomUUID(),
      sourceEventId: event.id,
      status: 'pending',
      fields: nationalShape(input.kind, { ...input.fields }),
      dueAt: publicationDueAt(this.calendar.current, input.decisionDate, this.terms),
      dueCounting: this.terms.counting,
      dueDays: this.terms.days,
      publishedAt: null,
      publishedBy: null,
      withdrawnAt: null,
      withdrawnReason: null,
    });
    await manager.insert(Publication, publication);
    change.audit({
      action: 'publication.created',
      resourceType: 'publication',
      resourceId: publication.id,
      after: {
        kind: publication.kind,
        departmentCode: publication.departmentCode,
        uscc: publication.uscc,
        sourceRef: publication.sourceRef,
        sourceEventId: publication.sourceEventId,
        dueAt: publication.dueAt.toISOString(),
        missing: missingFields(publication.kind, publication.fields),
      },
    });
    change.command(this.workflow.start(publication, this.terms.ladder));
    return publication;
  }

  /**
   * 撤销 of an approval (`approval.revoked.v1`): its permit publication is withdrawn — a pending one
   * stops its ladder, a published one leaves the public register. No publication (a refusal, or a
   * decision before CREDIT_PUBLICATIONS_SINCE): nothing to do.
   */
  async withdrawPermit(change: StateChange, event: IntegrationEvent<ApprovalRevokedV1>): Promise<Publication | null> {
    const current = await change.manager.findOne(Publication, {
      where: { kind: 'permit', sourceRef: event.data.applicationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!current) return null;
    const revokedAt = new Date(event.data.revokedAt);
    const withdrawn = withdraw(this.toState(current), `撤销（${event.data.source}）`, Number.isNaN(revokedAt.getTime()) ? new Date() : revokedAt);
    if (!withdrawn) return current;
    const wasPending = current.status === 'pending';
    Object.assign(current, { status: withdrawn.state.status, withdrawnAt: withdrawn.state.withdrawnAt, withdrawnReason: withdrawn.state.withdrawnReason });
    await change.manager.save(Publication, current);
    change.record({ type: 'publication', id: current.id }, withdrawn.transition, Topics.credit);
    if (wasPending) change.command(this.workflow.withdrawn(current));
    return current;
  }

  async complete(user: AuthUser, id: string, dto: CompletePublicationDto): Promise<PublicationView> {
    return this.uow.run(async (change) => {
      const current = await this.loadForAction(change.manager, user, id);
      const { state, transition } = completeFields(this.toState(current), this.changesOf(dto));
      if (!transition) return this.view(current);
      current.fields = state.fields;
      // a permit stays public until its 有效期至, when it has one
      if (current.kind === 'permit') current.publicUntil = state.fields.validTo ?? publicUntil(current.decisionDate, this.terms.permitPublicMonths);
      await change.manager.save(Publication, current);
      change.record({ type: 'publication', id }, transition, Topics.credit);
      return this.view(current);
    });
  }

  async publish(user: AuthUser, id: string): Promise<PublicationView> {
    return this.uow.run(async (change) => {
      const current = await this.loadForAction(change.manager, user, id);
      const { state, transition } = publish(this.toState(current), user.userId, new Date());
      current.status = state.status;
      current.publishedAt = state.publishedAt;
      current.publishedBy = state.publishedBy;
      await change.manager.save(Publication, current);
      change.record({ type: 'publication', id }, transition, Topics.credit);
      change.command(this.workflow.published(current));
      return this.view(current);
    });
  }

  async get(user: AuthUser, id: string): Promise<PublicationView> {
    const p = await this.dataSource.manager.findOne(Publication, { where: { id } });
    if (!p || !mayRead(user, p.departmentCode)) throw new NotFoundException(`publication ${id} not found`);
    return this.view(p);
  }

  async list(user: AuthUser, query: ListPublicationsQuery): Promise<Page<PublicationView>> {
    const where: FindOptionsWhere<Publication> = {};
    const department = departmentFilter(user);
    if (department) where.departmentCode = department;
    if (query.kind) where.kind = query.kind;
    if (query.status) where.status = query.status;
    if (query.uscc) where.uscc = query.uscc;
    const [items, total] = await this.dataSource.manager.findAndCount(Publication, {
      where,
      order: { dueAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map((p) => this.view(p)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Published decisions of the period in the national shape, the caller's department's (all for those who see all). */
  async export(user: AuthUser, query: ExportPublicationsQuery): Promise<ExportFile> {
    const where: FindOptionsWhere<Publication> = { kind: query.kind, status: 'published', decisionDate: Between(query.from, query.to) };
    const department = departmentFilter(user);
    if (department) where.departmentCode = department;
    const items = await this.dataSource.manager.find(Publication, { where, order: { decisionDate: 'ASC', id: 'ASC' }, take: 10_000 });
    const columns = NATIONAL_FIELDS[query.kind];
    const rows = items.map((p) => Object.fromEntries(columns.map((c) => [c.label, p.fields[c.field] ?? null])));
    const name = `${query.kind === 'permit' ? '行政许可' : '行政处罚'}-${query.from}-${query.to}`;
    if (query.format === 'csv')
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: encodeURIComponent(`${name}.csv`),
        body: formatCsv([columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => r[c.label] ?? ''))]),
      };
    return { contentType: 'application/json; charset=utf-8', filename: encodeURIComponent(`${name}.json`), body: { kind: query.kind, rows } };
  }

  /**
   * A year's holiday arrangement changed: every pending publication counted in working days whose
   * span (decision → deadline) touches the year gets its deadline computed again; a moved one is
   * stored, audited and signalled to its workflow.
   */
  async recomputeDeadlinesAcross(year: number, manager: EntityManager): Promise<number> {
    const { from, to } = yearSpan(year);
    const open = await manager
      .createQueryBuilder(Publication, 'p')
      .setLock('pessimistic_write')
      .where(`p.status = 'pending' AND p.due_counting = 'working' AND p.decision_date <= :toDay AND p.due_at >= :from`, { toDay: chinaDateOf(to), from })
      .getMany();
    return this.uow.runIn(manager, async (change) => {
      let moved = 0;
      for (const p of open) {
        const dueAt = publicationDueAt(this.calendar.current, p.decisionDate, { days: p.dueDays, counting: 'working' });
        if (dueAt.getTime() === p.dueAt.getTime()) continue;
        const before = p.dueAt.toISOString();
        p.dueAt = dueAt;
        await manager.save(Publication, p);
        change.audit({
          action: 'publication.due-moved',
          resourceType: 'publication',
          resourceId: p.id,
          before: { dueAt: before },
          after: { dueAt: dueAt.toISOString(), year },
        });
        change.command(this.workflow.dueMoved(p, `holiday arrangement of ${year} changed`));
        moved++;
      }
      return moved;
    });
  }

  private async loadForAction(manager: EntityManager, user: AuthUser, id: string): Promise<Publication> {
    const p = await manager.findOne(Publication, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p || !mayRead(user, p.departmentCode)) throw new NotFoundException(`publication ${id} not found`);
    // 谁决定、谁公示: the deciding department's desk publishes its own decisions
    if (!mayAct(user, p.departmentCode))
      throw new ForbiddenException(`publication ${id} belongs to department ${p.departmentCode}, not yours (${user.departmentCode})`);
    return p;
  }

  private changesOf(dto: CompletePublicationDto): NationalRecord {
    return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as NationalRecord;
  }

  private toState(p: Publication): PublicationState {
    return { ...p };
  }

  private view(p: Publication): PublicationView {
    return PublicationView.of(p, missingFields(p.kind, p.fields));
  }
}
