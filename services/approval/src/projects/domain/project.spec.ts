import { ApprovalEventTypes, ProjectFactSpecs, ProjectTypes } from '@cityworks/contracts';
import { NO_CHANGE, RuleViolation } from '@cityworks/platform';
import { changedFacts, checkFacts, Project, ProjectState, RegisterProject } from './project';

const input: RegisterProject = {
  code: '2026-210302-47-01-000123',
  name: '铁东区第一中学教学楼新建工程',
  type: '政府投资房屋建筑',
  regionCode: '210302',
  ownerUscc: '91350100M000100Y43',
  facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true, environmentalImpact: '报告表' },
};
const registeredAt = new Date('2026-03-02T02:00:00Z');
const changedAt = new Date('2026-04-10T06:30:00Z');

function registered(overrides: Partial<RegisterProject> = {}): Project {
  return Project.register({ ...input, ...overrides }, 'p-1', registeredAt).project;
}

function refusedWith(run: () => unknown): RuleViolation {
  try {
    run();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}

describe('Project (工程建设项目)', () => {
  describe('register', () => {
    it('starts registered, in no stage yet, and announces ids, codes and facts (no name)', () => {
      const { project, transition } = Project.register(input, 'p-1', registeredAt);
      expect(project.snapshot).toEqual({
        id: 'p-1',
        code: input.code,
        name: input.name,
        type: '政府投资房屋建筑',
        regionCode: '210302',
        ownerUscc: input.ownerUscc,
        facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true, environmentalImpact: '报告表' },
        status: 'registered',
        stage: null,
        registeredAt,
        factsChangedAt: null,
      });
      expect(transition).toMatchObject({ action: 'project.registered', before: null, after: { status: 'registered', code: input.code } });
      expect(transition.events).toEqual([
        {
          type: ApprovalEventTypes.projectRegistered,
          subject: 'p-1',
          data: {
            projectId: 'p-1',
            projectCode: input.code,
            projectType: '政府投资房屋建筑',
            regionCode: '210302',
            ownerUscc: input.ownerUscc,
            facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true, environmentalImpact: '报告表' },
            registeredAt: registeredAt.toISOString(),
          },
        },
      ]);
      expect(JSON.stringify(transition.events)).not.toContain(input.name);
    });

    it('takes a project whose facts are not known yet, and each of the four stage-template types', () => {
      expect(registered({ facts: undefined }).snapshot.facts).toEqual({});
      for (const type of ProjectTypes) expect(registered({ type }).snapshot.type).toBe(type);
    });

    it('keeps only known facts: a null fact is not known', () => {
      expect(registered({ facts: { investmentWanYuan: 0, floorAreaSqm: null, needsGas: false } }).snapshot.facts).toEqual({
        investmentWanYuan: 0,
        needsGas: false,
      });
    });

    it.each([
      ['code', { code: '-starts-with-a-hyphen' }],
      ['code', { code: 'a'.repeat(65) }],
      ['code', { code: '项目代码' }],
      ['name', { name: '' }],
      ['name', { name: '   ' }],
      ['name', { name: '工'.repeat(201) }],
      ['type', { type: '工业项目' as RegisterProject['type'] }],
      ['regionCode', { regionCode: '21030' }],
      ['regionCode', { regionCode: '２１０３０２' }],
      ['ownerUscc', { ownerUscc: '91350100M000100Y44' }],
      ['ownerUscc', { ownerUscc: '91350100M000100Y4' }],
    ])('refuses a bad %s (%p) as a broken rule (422)', (field, overrides) => {
      const error = refusedWith(() => Project.register({ ...input, ...overrides }, 'p-1', registeredAt));
      expect(error).toMatchObject({ kind: 'rule', httpStatus: 422 });
      expect(error.message.startsWith(field)).toBe(true);
    });

    it('takes a name of 200 characters, counted as characters rather than UTF-16 units', () => {
      expect(registered({ name: '𠀀'.repeat(200) }).snapshot.name).toHaveLength(400);
    });

    it.each([
      [{ investmentWanYuan: -1 }, 'facts.investmentWanYuan must be a number from 0 to 1000000000'],
      [{ floorAreaSqm: -0.5 }, 'facts.floorAreaSqm must be a number from 0 to 1000000000'],
      [{ floorAreaSqm: 1e9 + 1 }, 'facts.floorAreaSqm must be a number from 0 to 1000000000'],
      [{ landAreaSqm: Number.NaN }, 'facts.landAreaSqm must be a number from 0 to 1000000000'],
      [{ annualEnergyTce: Number.POSITIVE_INFINITY }, 'facts.annualEnergyTce must be a number from 0 to 1000000000'],
      [{ investmentWanYuan: '12000' }, 'facts.investmentWanYuan must be a number from 0 to 1000000000'],
      [{ newLand: 'yes' }, 'facts.newLand must be true or false'],
      [{ environmentalImpact: '报告' }, 'facts.environmentalImpact must be one of: 报告书, 报告表, 登记表, 豁免'],
      [{ environmentalImpact: true }, 'facts.environmentalImpact must be one of: 报告书, 报告表, 登记表, 豁免'],
    ])('refuses facts that do not fit the vocabulary: %p', (facts, message) => {
      const error = refusedWith(() => registered({ facts: facts as RegisterProject['facts'] }));
      expect(error).toMatchObject({ kind: 'rule', message });
    });

    it('refuses a fact the stage templates do not know', () => {
      const error = refusedWith(() => registered({ facts: { storeys: 30 } as unknown as RegisterProject['facts'] }));
      expect(error.kind).toBe('rule');
      expect(error.message).toMatch(/^facts storeys are not project facts; known facts: investmentWanYuan, floorAreaSqm/);
    });
  });

  describe('updateFacts', () => {
    it('replaces the facts, a fact left out becoming unknown, and announces the whole set with what changed', () => {
      const project = registered();
      const transition = project.updateFacts({ investmentWanYuan: 15000, floorAreaSqm: 36000, newLand: true, needsPower: true }, changedAt);
      expect(project.snapshot).toMatchObject({
        facts: { investmentWanYuan: 15000, floorAreaSqm: 36000, newLand: true, needsPower: true },
        factsChangedAt: changedAt,
        status: 'registered',
        stage: null,
      });
      expect(transition).toEqual({
        action: 'project.facts-changed',
        before: { facts: { investmentWanYuan: 12000, floorAreaSqm: 36000, newLand: true, environmentalImpact: '报告表' } },
        after: {
          facts: { investmentWanYuan: 15000, floorAreaSqm: 36000, newLand: true, needsPower: true },
          changedFacts: ['investmentWanYuan', 'environmentalImpact', 'needsPower'],
        },
        events: [
          {
            type: ApprovalEventTypes.projectFactsChanged,
            subject: 'p-1',
            data: {
              projectId: 'p-1',
              projectCode: input.code,
              facts: { investmentWanYuan: 15000, floorAreaSqm: 36000, newLand: true, needsPower: true },
              changedFacts: ['investmentWanYuan', 'environmentalImpact', 'needsPower'],
              changedAt: changedAt.toISOString(),
            },
          },
        ],
      });
    });

    it('changes nothing when the facts are the same (nulls read as unknown)', () => {
      const project = registered();
      const same = { ...input.facts, needsGas: null };
      expect(project.updateFacts(same, changedAt)).toBe(NO_CHANGE);
      expect(project.snapshot.factsChangedAt).toBeNull();
    });

    it('refuses facts that do not fit the vocabulary and keeps the ones it had', () => {
      const project = registered();
      const error = refusedWith(() => project.updateFacts({ floorAreaSqm: -1 }, changedAt));
      expect(error).toMatchObject({ kind: 'rule', message: 'facts.floorAreaSqm must be a number from 0 to 1000000000' });
      expect(project.snapshot.facts).toEqual(input.facts);
    });

    it('refuses a change once the project is closed (409) and changes nothing', () => {
      const closed = Project.restore({ ...registered().snapshot, status: 'closed', stage: '竣工验收' });
      const error = refusedWith(() => closed.updateFacts({ floorAreaSqm: 40000 }, changedAt));
      expect(error).toMatchObject({ kind: 'state', httpStatus: 409, message: `project ${input.code} is closed; its facts no longer change` });
      expect(closed.snapshot.facts).toEqual(input.facts);
    });
  });

  describe('facts', () => {
    it('checks every fact of the vocabulary, and only those', () => {
      const sample = { number: 1, boolean: true, string: '豁免' } as const;
      const all = Object.fromEntries(Object.entries(ProjectFactSpecs).map(([name, spec]) => [name, sample[spec.type]]));
      expect(Object.keys(checkFacts(all))).toEqual(Object.keys(ProjectFactSpecs));
    });

    it('names the facts added, changed or removed', () => {
      expect(changedFacts({ floorAreaSqm: 1, newLand: true }, { floorAreaSqm: 2, needsGas: false })).toEqual(['floorAreaSqm', 'newLand', 'needsGas']);
      expect(changedFacts({ floorAreaSqm: 1 }, { floorAreaSqm: 1 })).toEqual([]);
    });

    it('reads -0 as 0', () => {
      expect(Object.is(checkFacts({ floorAreaSqm: -0 }).floorAreaSqm, 0)).toBe(true);
    });
  });

  it('restores exactly what was stored, without running any rule', () => {
    const stored: ProjectState = { ...registered().snapshot, status: 'closed', stage: '竣工验收', factsChangedAt: changedAt };
    expect(Project.restore(stored).snapshot).toEqual(stored);
  });

  describe('lifecycle progress (recorded by the lifecycle workflow)', () => {
    it('moves forward through the stages, once each, announcing each stage reached', () => {
      const project = registered();
      const first = project.reachStage('立项用地规划许可', changedAt)!;
      expect(first).toMatchObject({ action: 'project.stage-reached', before: { stage: null }, after: { stage: '立项用地规划许可' } });
      expect(first.events[0]).toMatchObject({
        type: ApprovalEventTypes.projectStageReached,
        data: { projectCode: input.code, stage: '立项用地规划许可', previousStage: null, reachedAt: changedAt.toISOString() },
      });
      // a retried activity reports the same stage again: nothing happens
      expect(project.reachStage('立项用地规划许可', changedAt)).toBe(NO_CHANGE);
      expect(project.reachStage('施工许可', changedAt)!.events[0].data).toMatchObject({ stage: '施工许可', previousStage: '立项用地规划许可' });
      expect(project.snapshot.stage).toBe('施工许可');
    });

    it('never goes back a stage, and knows no stage outside the four', () => {
      const project = registered();
      project.reachStage('施工许可', changedAt);
      expect(refusedWith(() => project.reachStage('工程建设许可', changedAt)).kind).toBe('state');
      expect(refusedWith(() => project.reachStage('市政公用报装', changedAt)).kind).toBe('rule');
    });

    it('completes once; a completed project reaches no stage and keeps its facts', () => {
      const project = registered();
      project.reachStage('竣工验收', changedAt);
      const done = project.complete(changedAt)!;
      expect(done).toMatchObject({ action: 'project.completed', after: { status: 'closed' } });
      expect(done.events[0]).toMatchObject({ type: ApprovalEventTypes.projectCompleted, data: { projectCode: input.code } });
      expect(project.complete(changedAt)).toBe(NO_CHANGE);
      expect(refusedWith(() => project.reachStage('施工许可', changedAt)).kind).toBe('state');
      expect(refusedWith(() => project.updateFacts({ floorAreaSqm: 1 }, changedAt)).kind).toBe('state');
    });
  });
});
