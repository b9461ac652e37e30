import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThanOrEqual } from 'typeorm';
import type { CheckResult } from '@cityworks/contracts';
import { Campaign, CampaignState, CampaignVisit, CampaignStatus } from '../domain/campaign';
import { CampaignDrawInputsRecord, CampaignRecord, CampaignVisitRecord, StoredCheckSlot } from './campaign.records';

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

const visitFrom = (r: CampaignVisitRecord): CampaignVisit => ({
  campaignId: r.campaignId,
  uscc: r.uscc,
  visitGroup: r.visitGroup,
  inclusionProbability: r.inclusionProbability,
  u: r.u,
  expertIds: r.expertIds,
  checks: r.checks.map((c) => ({ ...c, result: c.result as CheckResult | null, checkedAt: date(c.checkedAt), recordedAt: date(c.recordedAt) })),
});

const visitTo = (v: CampaignVisit, drawnAt: Date): CampaignVisitRecord =>
  Object.assign(new CampaignVisitRecord(), {
    campaignId: v.campaignId,
    uscc: v.uscc,
    visitGroup: v.visitGroup,
    inclusionProbability: v.inclusionProbability,
    u: v.u,
    expertIds: v.expertIds,
    checks: v.checks.map((c) => ({ ...c, checkedAt: c.checkedAt?.toISOString() ?? null, recordedAt: c.recordedAt?.toISOString() ?? null })),
    drawnAt,
  });

/** One earlier visit's people and subject, for 回避 by recent inspection. */
export interface PastVisit {
  uscc: string;
  memberIds: string[];
  at: Date;
}

@Injectable()
export class CampaignsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, c: Campaign): Promise<void> {
    await manager.insert(CampaignRecord, { ...c.snapshot });
  }

  async save(manager: EntityManager, c: Campaign): Promise<void> {
    await manager.save(CampaignRecord, { ...c.snapshot });
  }

  async lock(manager: EntityManager, id: string): Promise<Campaign | null> {
    const r = await manager.findOne(CampaignRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return r ? Campaign.restore(r as CampaignState) : null;
  }

  async find(id: string): Promise<Campaign | null> {
    const r = await this.dataSource.manager.findOne(CampaignRecord, { where: { id } });
    return r ? Campaign.restore(r as CampaignState) : null;
  }

  async page(filter: { department?: string; status?: CampaignStatus }, page: number, pageSize: number): Promise<{ items: Campaign[]; total: number }> {
    const q = this.dataSource.manager.createQueryBuilder(CampaignRecord, 'c');
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    if (filter.department) q.andWhere('c.participating_department_codes @> CAST(:department AS jsonb)', { department: JSON.stringify([filter.department]) });
    const [records, total] = await q
      .orderBy('c.announced_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: records.map((r) => Campaign.restore(r as CampaignState)), total };
  }

  /** Campaigns drawn and not published whose working days run through `year` (China time): the ones a change of that year's holidays can move. */
  async lockOpenCountingThrough(manager: EntityManager, year: number): Promise<Campaign[]> {
    const records = await manager
      .createQueryBuilder(CampaignRecord, 'c')
      .setLock('pessimistic_write')
      .where("c.status IN ('checking', 'results-in')")
      .andWhere("extract(year FROM c.drawn_at AT TIME ZONE 'Asia/Shanghai') <= :year", { year })
      .andWhere("extract(year FROM c.publish_due_at AT TIME ZONE 'Asia/Shanghai') >= :year", { year })
      .orderBy('c.id')
      .getMany();
    return records.map((r) => Campaign.restore(r as CampaignState));
  }

  /** Many visits in few statements: a large draw inserts thousands of rows. */
  async insertVisits(manager: EntityManager, visits: CampaignVisit[], drawnAt: Date): Promise<void> {
    for (let i = 0; i < visits.length; i += 500)
      await manager.insert(
        CampaignVisitRecord,
        visits.slice(i, i + 500).map((v) => visitTo(v, drawnAt)),
      );
  }

  async lockVisit(manager: EntityManager, campaignId: string, uscc: string): Promise<CampaignVisit | null> {
    const r = await manager.findOne(CampaignVisitRecord, { where: { campaignId, uscc }, lock: { mode: 'pessimistic_write' } });
    return r ? visitFrom(r) : null;
  }

  async saveVisit(manager: EntityManager, v: CampaignVisit, drawnAt: Date): Promise<void> {
    await manager.save(CampaignVisitRecord, visitTo(v, drawnAt));
  }

  async visits(campaignId: string, page: number, pageSize: number): Promise<{ items: CampaignVisit[]; total: number }> {
    const [records, total] = await this.dataSource.manager.findAndCount(CampaignVisitRecord, {
      where: { campaignId },
      order: { uscc: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: records.map(visitFrom), total };
  }

  async allVisitUsccs(campaignId: string): Promise<string[]> {
    const rows: { uscc: string }[] = await this.dataSource.manager
      .createQueryBuilder(CampaignVisitRecord, 'v')
      .select('v.uscc', 'uscc')
      .where('v.campaign_id = :campaignId', { campaignId })
      .orderBy('v.uscc', 'ASC')
      .getRawMany();
    return rows.map((r) => r.uscc);
  }

  /** Visits drawn since `since` naming any of these subjects: who went where, for 回避. */
  async visitsSince(manager: EntityManager, since: Date): Promise<PastVisit[]> {
    const records = await manager.find(CampaignVisitRecord, { where: { drawnAt: MoreThanOrEqual(since) } });
    return records.map((r) => ({ uscc: r.uscc, memberIds: [...r.expertIds, ...r.checks.flatMap((c) => c.inspectorIds)], at: r.drawnAt }));
  }

  /**
   * 部门联合抽查 across campaigns: for each subject, the visit of another department's campaign
   * still checking whose results are due on or after `now` and where no department has recorded a
   * result yet (the trip is still to be made); the earliest drawn wins.
   */
  async openVisitsOfOthers(manager: EntityManager, campaignId: string, departmentCodes: string[], usccs: string[], now: Date): Promise<Map<string, string>> {
    if (!usccs.length) return new Map();
    const rows: { uscc: string; visit_group: string; checks: StoredCheckSlot[] }[] = await manager.query(
      `SELECT v.uscc, v.visit_group, v.checks
         FROM campaign_visits v JOIN campaigns c ON c.id = v.campaign_id
        WHERE v.uscc = ANY($1) AND c.id <> $2 AND c.status = 'checking' AND c.results_due_at >= $3
          AND NOT (c.participating_department_codes ?| $4)
        ORDER BY v.drawn_at, v.campaign_id`,
      [usccs, campaignId, now, departmentCodes],
    );
    const open = new Map<string, string>();
    for (const r of rows) if (!open.has(r.uscc) && r.checks.every((c) => c.result === null)) open.set(r.uscc, r.visit_group);
    return open;
  }

  /** Every other campaign's check at the same trips, for the visits view. */
  async othersInGroups(campaignId: string, groups: string[]): Promise<CampaignVisit[]> {
    if (!groups.length) return [];
    const records = await this.dataSource.manager
      .createQueryBuilder(CampaignVisitRecord, 'v')
      .where('v.visit_group IN (:...groups)', { groups })
      .andWhere('v.campaign_id <> :campaignId', { campaignId })
      .orderBy('v.drawn_at', 'ASC')
      .getMany();
    return records.map(visitFrom);
  }

  async saveDrawInputs(manager: EntityManager, campaignId: string, inputs: Record<string, unknown>): Promise<void> {
    await manager.save(Object.assign(new CampaignDrawInputsRecord(), { campaignId, inputs }));
  }

  async drawInputs(campaignId: string): Promise<Record<string, unknown> | null> {
    const r = await this.dataSource.manager.findOne(CampaignDrawInputsRecord, { where: { campaignId } });
    return r?.inputs ?? null;
  }
}
