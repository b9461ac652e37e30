import { createHash } from 'node:crypto';
import { SupervisionEventTypes } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';
import { DEFAULT_GRADE_WEIGHTS, DEFAULT_RISK_WEIGHTS, runDraw } from '../draw';
import { Campaign, CampaignPlan } from './campaign';

const seed = createHash('sha256').update('campaign-spec').digest('hex');
const plan = (overrides: Partial<CampaignPlan> = {}): CampaignPlan => ({
  id: '00000000-0000-4000-8000-000000000001',
  title: '抽查',
  departmentCode: 'AS-ZJJ',
  regionCode: '210302',
  participatingDepartmentCodes: ['AS-ZJJ', 'AS-SCJG'],
  scope: { supervisionItemCodes: ['JG-1'], regionCodes: ['210302'], industries: [], riskLevels: [] },
  baseRatio: 1,
  gradeWeights: { ...DEFAULT_GRADE_WEIGHTS },
  riskWeights: { low: 1, medium: 1, high: 1 },
  inspectorsPerCheck: 1,
  expertRequired: false,
  recusalPeriodDays: 365,
  resultsWorkingDays: 10,
  publicationWorkingDays: 5,
  announcedBy: 'u',
  workflowId: 'campaign-1',
  ...overrides,
});
const drawFor = (seedOf: string, usccs: string[]) =>
  runDraw({
    seed: seedOf,
    baseRatio: 1,
    gradeWeights: { ...DEFAULT_GRADE_WEIGHTS },
    riskWeights: { ...DEFAULT_RISK_WEIGHTS, low: 2 },
    subjects: usccs.map((uscc) => ({ uscc, grade: null, risk: 'low' as const })),
    departmentCodes: ['AS-ZJJ', 'AS-SCJG'],
    inspectorsPerCheck: 1,
    expertsPerVisit: 0,
    inspectors: [
      { id: 'z', departmentCode: 'AS-ZJJ', conflictsWith: [] },
      { id: 's', departmentCode: 'AS-SCJG', conflictsWith: [] },
    ],
    experts: [],
  });
const now = new Date('2026-11-02T02:00:00Z');
const deadlines = { resultsDueAt: new Date('2026-11-16T15:59:59Z'), publishDueAt: new Date('2026-11-23T15:59:59Z') };
const U1 = '91210302MA0000001A';
const U2 = '91210302MA0000002B';

describe('Campaign', () => {
  it('announces with SHA-256 of the seed, and refuses participants that leave out the organizer', () => {
    const { campaign, transition } = Campaign.announce(plan(), seed, now);
    expect(campaign.snapshot.seedCommitment).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(transition.after).toMatchObject({ status: 'announced', seedCommitment: campaign.snapshot.seedCommitment });
    expect(() => Campaign.announce(plan({ participatingDepartmentCodes: ['AS-SCJG'] }), seed, now)).toThrow(RuleViolation);
  });

  it('records a draw made with its own seed only, once, joining other campaigns’ open visits', () => {
    const { campaign } = Campaign.announce(plan(), seed, now);
    expect(() => campaign.recordDraw(drawFor(createHash('sha256').update('other').digest('hex'), [U1]), deadlines, new Map(), now)).toThrow(/committed seed/);
    const { visits } = campaign.recordDraw(drawFor(seed, [U1, U2]), deadlines, new Map([[U2, 'other-campaign:' + U2]]), now);
    expect(visits.map((v) => [v.uscc, v.visitGroup, v.checks.map((c) => c.departmentCode)])).toEqual([
      [U1, `${campaign.id}:${U1}`, ['AS-ZJJ', 'AS-SCJG']],
      [U2, `other-campaign:${U2}`, ['AS-ZJJ', 'AS-SCJG']],
    ]);
    expect(campaign.snapshot).toMatchObject({ status: 'checking', visitCount: 2, checkCount: 4, checksRecorded: 0 });
    expect(() => campaign.recordDraw(drawFor(seed, [U1]), deadlines, new Map(), now)).toThrow(/drawn already/);
  });

  it('takes each department’s first result, publishes only when all are in, once, revealing the seed on time or late', () => {
    const { campaign } = Campaign.announce(plan(), seed, now);
    let [visit] = campaign.recordDraw(drawFor(seed, [U1]), deadlines, new Map(), now).visits;
    expect(() => campaign.publish(now)).toThrow(/waits for 2 of 2/);
    const first = campaign.recordCheckResult(visit, { departmentCode: 'AS-ZJJ', result: 'no-problem', actionId: 'a1', checkedAt: now }, now)!;
    visit = first.visit;
    expect(campaign.recordCheckResult(visit, { departmentCode: 'AS-ZJJ', result: 'violation-found', actionId: 'a2', checkedAt: now }, now)).toBeNull();
    expect(campaign.recordCheckResult(visit, { departmentCode: 'AS-HBJ', result: 'no-problem', actionId: 'a3', checkedAt: now }, now)).toBeNull();
    visit = campaign.recordCheckResult(visit, { departmentCode: 'AS-SCJG', result: 'rectification-ordered', actionId: 'a4', checkedAt: now }, now)!.visit;
    expect(visit.checks.map((c) => c.result)).toEqual(['no-problem', 'rectification-ordered']);
    expect(campaign.snapshot).toMatchObject({ status: 'results-in', checksRecorded: 2, resultsInAt: now });
    const late = new Date(deadlines.publishDueAt.getTime() + 1);
    const published = campaign.publish(late);
    expect(published.events).toEqual([
      {
        type: SupervisionEventTypes.campaignPublished,
        subject: campaign.id,
        data: expect.objectContaining({ seed, subjectsDrawn: 1, onTime: false, publishDueAt: deadlines.publishDueAt.toISOString() }),
      },
    ]);
    expect(() => campaign.publish(late)).toThrow(/was published/);
  });

  it('has every result in at once when nothing was drawn', () => {
    const { campaign } = Campaign.announce(plan(), seed, now);
    campaign.recordDraw(drawFor(seed, []), deadlines, new Map(), now);
    expect(campaign.snapshot).toMatchObject({ status: 'results-in', checkCount: 0, resultsInAt: now });
    expect(campaign.publish(now).events[0].data).toMatchObject({ subjectsDrawn: 0, onTime: true });
  });

  it('moves both deadlines while results are awaited, only the publication’s once they are in, none once published', () => {
    const { campaign } = Campaign.announce(plan(), seed, now);
    expect(campaign.moveDeadlines(deadlines, 'x')).toBeNull(); // not drawn yet
    let [visit] = campaign.recordDraw(drawFor(seed, [U1]), deadlines, new Map(), now).visits;
    const later = { resultsDueAt: new Date('2026-11-17T15:59:59Z'), publishDueAt: new Date('2026-11-24T15:59:59Z') };
    expect(campaign.moveDeadlines(later, 'holiday arrangement for 2026 changed')!.after).toMatchObject({ resultsDueAt: later.resultsDueAt.toISOString() });
    expect(campaign.moveDeadlines(later, 'again')).toBeNull();
    visit = campaign.recordCheckResult(visit, { departmentCode: 'AS-ZJJ', result: 'no-problem', actionId: 'a1', checkedAt: now }, now)!.visit;
    campaign.recordCheckResult(visit, { departmentCode: 'AS-SCJG', result: 'no-problem', actionId: 'a2', checkedAt: now }, now);
    const latest = { resultsDueAt: new Date('2026-11-18T15:59:59Z'), publishDueAt: new Date('2026-11-25T15:59:59Z') };
    campaign.moveDeadlines(latest, 'x');
    expect(campaign.snapshot).toMatchObject({ resultsDueAt: later.resultsDueAt, publishDueAt: latest.publishDueAt });
    campaign.publish(now);
    expect(campaign.moveDeadlines(deadlines, 'x')).toBeNull();
  });
});
