import { ForbiddenException, Inject, Injectable, NotFoundException, ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuthUser, CampaignDrawSummary, SupervisionCheckRecordedV1, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { departmentFilter, mayAct, mayRead, PageQuery } from '@cityworks/platform';
import { SubjectsRepository } from '../subjects/persistence/subjects.repository';
import { PoolMembersRepository } from '../inspectors/persistence/pool-members.repository';
import { conflictsOf, PastInspection, PoolMemberState, servesRegion } from '../inspectors/domain/pool-member';
import { Campaign } from './domain/campaign';
import { CampaignTerms } from './domain/campaign-terms';
import {
  DEFAULT_GRADE_WEIGHTS,
  DEFAULT_RISK_WEIGHTS,
  DRAW_ALGORITHM,
  DrawInput,
  DrawInputError,
  runDrawInParallel,
  verifyPublishedDraw,
  PublishedDraw,
} from './draw';
import { CreateCampaignDto, ListCampaignsQuery } from './dto/create-campaign.dto';
import { VerifyDrawDto } from './dto/verify-draw.dto';
import { CampaignsRepository } from './persistence/campaigns.repository';
import { CampaignWorkflowClient } from './workflow/campaign.workflow-client';
import { CampaignPageView, CampaignView, CampaignVisitPageView, CampaignVisitView } from './views/campaign.view';
import { DrawVerificationView } from './views/draw-verification.view';

const RESOURCE = 'campaign';
export const CAMPAIGN_TERMS = Symbol('CAMPAIGN_TERMS');
const DAY = 86_400_000;

/** 422 in the platform's error shape: each field with its broken rule's name and message. */
const refused = (message: string, errors: { field: string; rule: string; message: string }[]) =>
  new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message,
    errors: errors.map((e) => ({ field: e.field, rules: { [e.rule]: e.message } })),
  });

/**
 * 双随机 campaigns: announced with a committed seed, drawn by the campaign's workflow through
 * drawCampaign, results learnt from supervision.check-recorded.v1, published by the organizing
 * department. Who may act is checked here, what may happen is domain/campaign.ts, the draw is
 * ./draw (pure).
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly campaigns: CampaignsRepository,
    private readonly subjects: SubjectsRepository,
    private readonly pools: PoolMembersRepository,
    private readonly workflow: CampaignWorkflowClient,
    private readonly calendar: ServiceCalendar,
    @Inject(CAMPAIGN_TERMS) private readonly terms: CampaignTerms,
  ) {
    this.calendar.onArrangementLoaded((year, manager) => this.recomputeDeadlines(year, manager).then(() => undefined));
  }

  /**
   * A holiday arrangement for `year` took effect: every campaign drawn and not yet published whose
   * working days run through that year gets its deadlines counted again from its draw, recorded,
   * and its workflow told.
   */
  async recomputeDeadlines(year: number, manager: EntityManager): Promise<number> {
    const reason = `holiday arrangement for ${year} changed`;
    return this.uow.runIn(manager, async (change) => {
      let moved = 0;
      const calendar = this.calendar.current;
      for (const campaign of await this.campaigns.lockOpenCountingThrough(manager, year)) {
        const s = campaign.snapshot;
        const resultsDueAt = calendar.dueInstant(s.drawnAt!, s.resultsWorkingDays).dueAt;
        const publishDueAt = calendar.dueInstant(resultsDueAt, s.publicationWorkingDays).dueAt;
        const transition = campaign.moveDeadlines({ resultsDueAt, publishDueAt }, reason);
        if (!transition) continue;
        await this.campaigns.save(manager, campaign);
        change.record({ type: RESOURCE, id: campaign.id }, { ...transition, after: { ...transition.after, arrangementYear: year } }, Topics.supervision);
        change.command(this.workflow.deadlinesMoved(campaign, reason));
        moved++;
      }
      return moved;
    });
  }

  /** 公布抽查计划: the seed chosen now, its SHA-256 shown at once, the workflow started to draw. */
  async announce(user: AuthUser, dto: CreateCampaignDto): Promise<CampaignView> {
    const departments = [user.departmentCode, ...(dto.jointDepartmentCodes ?? []).filter((d) => d !== user.departmentCode)];
    const inspectorsPerCheck = dto.inspectorsPerCheck ?? 2;
    const expertRequired = dto.expertRequired ?? false;
    const id = randomUUID();
    const { campaign, transition } = Campaign.announce(
      {
        id,
        title: dto.title.trim(),
        departmentCode: user.departmentCode,
        regionCode: user.regionCode,
        participatingDepartmentCodes: departments,
        scope: {
          supervisionItemCodes: dto.scope.supervisionItemCodes,
          regionCodes: dto.scope.regionCodes,
          industries: dto.scope.industries ?? [],
          riskLevels: dto.scope.riskLevels ?? [],
        },
        baseRatio: dto.baseRatio,
        gradeWeights: { ...DEFAULT_GRADE_WEIGHTS, ...dto.gradeWeights },
        riskWeights: { ...DEFAULT_RISK_WEIGHTS, ...dto.riskWeights },
        inspectorsPerCheck,
        expertRequired,
        recusalPeriodDays: dto.recusalPeriodDays ?? 365,
        resultsWorkingDays: dto.resultsWorkingDays,
        publicationWorkingDays: dto.publicationWorkingDays,
        announcedBy: user.userId,
        workflowId: CampaignWorkflowClient.workflowId(id),
      },
      randomBytes(32).toString('hex'),
      new Date(),
    );
    return this.uow.run(async (change) => {
      // a pool that cannot staff a single check is refused now, not discovered at the draw
      const problems: { field: string; rule: string; message: string }[] = [];
      for (const departmentCode of departments) {
        const pool = inScope(await this.pools.all(change.manager, { kind: 'inspector', departmentCodes: [departmentCode] }), dto.scope.regionCodes);
        if (pool.length < inspectorsPerCheck)
          problems.push({
            field: 'inspectorsPerCheck',
            rule: 'poolCanStaff',
            message: `department ${departmentCode} has ${pool.length} inspectors registered for the campaign's regions, fewer than ${inspectorsPerCheck} per check`,
          });
      }
      if (expertRequired && !inScope(await this.pools.all(change.manager, { kind: 'expert' }), dto.scope.regionCodes).length)
        problems.push({ field: 'expertRequired', rule: 'poolCanStaff', message: 'the 专家库 has no expert for the campaign’s regions' });
      if (problems.length) throw refused('the inspection pools cannot staff this campaign', problems);
      await this.campaigns.insert(change.manager, campaign);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      change.command(this.workflow.start(campaign, this.terms));
      return CampaignView.of(campaign);
    });
  }

  async list(user: AuthUser, query: ListCampaignsQuery): Promise<CampaignPageView> {
    const { items, total } = await this.campaigns.page({ department: departmentFilter(user), status: query.status }, query.page, query.pageSize);
    return { items: items.map(CampaignView.of), total, page: query.page, pageSize: query.pageSize };
  }

  private async readable(user: AuthUser, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.find(id);
    if (!campaign || !mayRead(user, ...campaign.snapshot.participatingDepartmentCodes)) throw new NotFoundException(`campaign ${id} not found`);
    return campaign;
  }

  async get(user: AuthUser, id: string): Promise<CampaignView> {
    return CampaignView.of(await this.readable(user, id));
  }

  async visits(user: AuthUser, id: string, query: PageQuery): Promise<CampaignVisitPageView> {
    await this.readable(user, id);
    const { items, total } = await this.campaigns.visits(id, query.page, query.pageSize);
    const others = await this.campaigns.othersInGroups(id, [...new Set(items.map((v) => v.visitGroup))]);
    return {
      items: items.map((v) =>
        CampaignVisitView.of(
          v,
          others.filter((o) => o.visitGroup === v.visitGroup),
        ),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The published draw (一公开): every input as drawn, the seed, the list — public once the
   * results are published, so anyone can re-run it; before that the seed is secret (409).
   */
  async publishedDraw(id: string): Promise<PublishedDraw> {
    const campaign = await this.campaigns.find(id);
    if (!campaign) throw new NotFoundException(`campaign ${id} not found`);
    const s = campaign.snapshot;
    if (s.status !== 'published') throw new ConflictException(`campaign ${id} is ${s.status}: its draw and seed are public once the results are published`);
    const inputs = (await this.campaigns.drawInputs(id)) as Omit<DrawInput, 'seed'>;
    return {
      ...inputs,
      algorithm: DRAW_ALGORITHM,
      campaignId: id,
      seedCommitment: s.seedCommitment,
      seed: s.seed,
      drawnUsccs: await this.campaigns.allVisitUsccs(id),
    };
  }

  /** Re-runs a published draw; the same function scripts/verify-draw.js runs. */
  verify(dto: VerifyDrawDto): DrawVerificationView {
    // a grade or department left out is null, as the published document writes it
    const published = {
      ...dto,
      subjects: dto.subjects.map((s) => ({ ...s, grade: s.grade ?? null })),
      inspectors: dto.inspectors.map((m) => ({ ...m, departmentCode: m.departmentCode ?? null })),
      experts: dto.experts.map((m) => ({ ...m, departmentCode: m.departmentCode ?? null })),
    } as PublishedDraw;
    try {
      return DrawVerificationView.of(verifyPublishedDraw(published));
    } catch (e) {
      if (e instanceof DrawInputError)
        throw refused(
          'the published draw’s inputs are invalid',
          e.problems.map((p) => ({ field: p.field, rule: 'drawInput', message: p.rule })),
        );
      throw e;
    }
  }

  /**
   * The draw activity: subjects in scope from the 监管对象库 (grades as last heard from credit),
   * each department's inspectors and the experts with their 回避 worked out, the committed seed.
   * Idempotent: a campaign drawn already answers what was drawn.
   */
  async draw(campaignId: string): Promise<CampaignDrawSummary> {
    return this.uow.run(async (change) => {
      const { manager } = change;
      const campaign = await this.campaigns.lock(manager, campaignId);
      if (!campaign) throw new NotFoundException(`campaign ${campaignId} not found`);
      if (campaign.snapshot.status !== 'announced') return summaryOf(campaign);
      const s = campaign.snapshot;
      const now = new Date();
      const subjects = await this.subjects.forDraw(manager, {
        regionCodes: s.scope.regionCodes,
        industries: s.scope.industries,
        riskLevels: s.scope.riskLevels,
      });
      const since = new Date(now.getTime() - s.recusalPeriodDays * DAY);
      const past: PastInspection[] = (await this.campaigns.visitsSince(manager, since)).flatMap((v) =>
        v.memberIds.map((memberId) => ({ memberId, uscc: v.uscc, at: v.at })),
      );
      const inspectors = inScope(await this.pools.all(manager, { kind: 'inspector', departmentCodes: s.participatingDepartmentCodes }), s.scope.regionCodes);
      const experts = s.expertRequired ? inScope(await this.pools.all(manager, { kind: 'expert' }), s.scope.regionCodes) : [];
      const inputs: Omit<DrawInput, 'seed'> = {
        baseRatio: s.baseRatio,
        gradeWeights: s.gradeWeights,
        riskWeights: s.riskWeights,
        subjects,
        departmentCodes: s.participatingDepartmentCodes,
        inspectorsPerCheck: s.inspectorsPerCheck,
        expertsPerVisit: s.expertRequired ? 1 : 0,
        inspectors: inspectors.map((m) => ({ id: m.id, departmentCode: m.departmentCode, conflictsWith: conflictsOf(m, past, since) })),
        experts: experts.map((m) => ({ id: m.id, departmentCode: null, conflictsWith: conflictsOf(m, past, since) })),
      };
      const result = await runDrawInParallel({ ...inputs, seed: s.seed });
      const calendar = this.calendar.current;
      const resultsDueAt = calendar.dueInstant(now, s.resultsWorkingDays).dueAt;
      const publishDueAt = calendar.dueInstant(resultsDueAt, s.publicationWorkingDays).dueAt;
      const openVisits = await this.campaigns.openVisitsOfOthers(
        manager,
        campaignId,
        s.participatingDepartmentCodes,
        result.visits.map((v) => v.uscc),
        now,
      );
      const { visits, transition } = campaign.recordDraw(result, { resultsDueAt, publishDueAt }, openVisits, now);
      await this.campaigns.save(manager, campaign);
      await this.campaigns.insertVisits(manager, visits, now);
      await this.campaigns.saveDrawInputs(manager, campaignId, inputs as unknown as Record<string, unknown>);
      change.record({ type: RESOURCE, id: campaignId }, transition, Topics.supervision);
      return summaryOf(campaign);
    });
  }

  /**
   * supervision.check-recorded.v1 of a 双随机 check (campaignId set), in the consumer's inbox
   * transaction: the department's slot at the subject's visit takes the result; the last result
   * in tells the workflow. A check naming a campaign or subject this service did not draw is not
   * a campaign's concern and changes nothing.
   */
  async recordCheckResult(event: SupervisionCheckRecordedV1, manager: EntityManager): Promise<boolean> {
    return this.uow.runIn(manager, async (change) => {
      const campaign = await this.campaigns.lock(manager, event.campaignId!);
      if (!campaign) return false;
      const visit = await this.campaigns.lockVisit(manager, event.campaignId!, event.subjectUscc);
      if (!visit) return false;
      const resultsIn = (c: Campaign) => c.snapshot.resultsInAt !== null;
      const wasIn = resultsIn(campaign);
      const outcome = campaign.recordCheckResult(
        visit,
        { departmentCode: event.departmentCode, result: event.result, actionId: event.actionId, checkedAt: new Date(event.checkedAt) },
        new Date(),
      );
      if (!outcome) return false;
      await this.campaigns.saveVisit(manager, outcome.visit, campaign.snapshot.drawnAt!);
      await this.campaigns.save(manager, campaign);
      change.record({ type: RESOURCE, id: campaign.id }, outcome.transition, Topics.supervision);
      if (!wasIn && resultsIn(campaign)) change.command(this.workflow.resultsIn(campaign));
      return true;
    });
  }

  /** 一公开 by the organizing department, once every result is in; the seed is revealed with it. */
  async publish(user: AuthUser, id: string): Promise<CampaignView> {
    return this.uow.run(async (change) => {
      const campaign = await this.campaigns.lock(change.manager, id);
      if (!campaign || !mayRead(user, ...campaign.snapshot.participatingDepartmentCodes)) throw new NotFoundException(`campaign ${id} not found`);
      if (!mayAct(user, campaign.snapshot.departmentCode))
        throw new ForbiddenException(`only the organizing department ${campaign.snapshot.departmentCode} publishes campaign ${id}`);
      const transition = campaign.publish(new Date());
      await this.campaigns.save(change.manager, campaign);
      change.record({ type: RESOURCE, id }, transition, Topics.supervision);
      change.command(this.workflow.published(campaign));
      return CampaignView.of(campaign);
    });
  }
}

/** The members whose region covers at least one of the campaign's regions. */
function inScope(members: PoolMemberState[], regionCodes: string[]): PoolMemberState[] {
  return members.filter((m) => regionCodes.some((r) => servesRegion(m, r)));
}

function summaryOf(campaign: Campaign): CampaignDrawSummary {
  const s = campaign.snapshot;
  return {
    visits: s.visitCount,
    checks: s.checkCount,
    shortfalls: s.shortfalls.length,
    resultsDueAt: s.resultsDueAt!.toISOString(),
    publishDueAt: s.publishDueAt!.toISOString(),
    resultsIn: s.resultsInAt !== null,
  };
}
