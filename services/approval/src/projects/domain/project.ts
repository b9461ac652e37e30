import {
  ApprovalEventTypes,
  ApprovalStage,
  ProjectFactName,
  ProjectFacts,
  ProjectFactSpecs,
  ProjectCompletedV1,
  ProjectFactsChangedV1,
  ProjectStageReachedV1,
  ProjectRegisteredV1,
  ProjectType,
  ProjectTypes,
  SequentialStages,
} from '@cityworks/contracts';
import { isValidUscc, MaybeTransition, NO_CHANGE, RuleViolation, Transition } from '@cityworks/platform';

/** registered until 竣工验收 closes it (closing comes with the lifecycle workflow) */
export type ProjectStatus = 'registered' | 'closed';

/** Everything a project (工程建设项目) is; the persistence mapper stores and restores exactly this. */
export interface ProjectState {
  id: string;
  /** 项目代码 */
  code: string;
  /** 项目名称 */
  name: string;
  /** one of the catalog's stage-template project types */
  type: ProjectType;
  /** 行政区划代码 of the project's site */
  regionCode: string;
  /** 建设单位 统一社会信用代码 */
  ownerUscc: string;
  /** what the stage templates' conditions test (investment in 万元, floor area in m² …); a fact left out is not known yet */
  facts: ProjectFacts;
  status: ProjectStatus;
  /** the stage the lifecycle workflow has reached; null until it starts */
  stage: ApprovalStage | null;
  registeredAt: Date;
  factsChangedAt: Date | null;
}

export type RegisterProject = Pick<ProjectState, 'code' | 'name' | 'type' | 'regionCode' | 'ownerUscc'> & { facts?: ProjectFactsInput };

/** Facts as a request gives them: null, like a missing fact, means not known. */
export type ProjectFactsInput = Partial<Record<ProjectFactName, number | boolean | string | null>>;

/** 项目代码: the format the approval service takes for every code (the 投资项目代码 fits it). */
export const PROJECT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const PROJECT_CODE_RULE = 'must be 1–64 letters, digits, dots, underscores or hyphens, starting with a letter or digit';
/** 行政区划代码 */
export const REGION_CODE_PATTERN = /^[0-9]{6}$/;
export const REGION_CODE_RULE = 'must be a 6-digit administrative division code';
/** in characters (code points), as the database and JSON Schema count them */
export const NAME_MAX_LENGTH = 200;
/** A name has something besides spaces; `[^\s\ufeff]` is JavaScript's `\S`, spelled so that other regex engines agree. */
export const NAME_PATTERN = /[^\s\ufeff]/;
/**
 * The bounds of a number fact: not negative, and no larger than the catalog's required-items
 * query takes (its ProjectFactsDto), so every stored fact can be asked about.
 */
export const NUMBER_FACT_BOUNDS = { min: 0, max: 1e9 } as const;

const FACT_NAMES = Object.keys(ProjectFactSpecs) as ProjectFactName[];
const isFactName = (name: string): name is ProjectFactName => Object.prototype.hasOwnProperty.call(ProjectFactSpecs, name);

/**
 * The facts as the stage templates' conditions read them: only the vocabulary's facts, each of
 * its type (numbers finite and within bounds, strings one of the listed values), nulls dropped
 * as not known, in the vocabulary's order. Throws a RuleViolation (422) naming the first bad fact.
 */
export function checkFacts(input: ProjectFactsInput | null | undefined): ProjectFacts {
  if (input === null || input === undefined) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new RuleViolation('facts must be an object of known project facts', 'rule');
  const unknown = Object.keys(input).filter((name) => !isFactName(name));
  if (unknown.length) throw new RuleViolation(`facts ${unknown.join(', ')} are not project facts; known facts: ${FACT_NAMES.join(', ')}`, 'rule');
  const facts: ProjectFacts = {};
  for (const name of FACT_NAMES) {
    const value = input[name];
    if (value === null || value === undefined) continue;
    const spec: { type: string; values?: readonly string[] } = ProjectFactSpecs[name];
    if (spec.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < NUMBER_FACT_BOUNDS.min || value > NUMBER_FACT_BOUNDS.max)
        throw new RuleViolation(`facts.${name} must be a number from ${NUMBER_FACT_BOUNDS.min} to ${NUMBER_FACT_BOUNDS.max}`, 'rule');
      // -0 reads as 0
      facts[name] = value === 0 ? 0 : value;
    } else if (spec.type === 'boolean') {
      if (typeof value !== 'boolean') throw new RuleViolation(`facts.${name} must be true or false`, 'rule');
      facts[name] = value;
    } else {
      if (typeof value !== 'string' || (spec.values && !spec.values.includes(value)))
        throw new RuleViolation(`facts.${name} must be one of: ${(spec.values ?? []).join(', ')}`, 'rule');
      facts[name] = value;
    }
  }
  return facts;
}

/** The names of the facts that differ between two sets (added, removed or changed), in the vocabulary's order. */
export function changedFacts(before: ProjectFacts, after: ProjectFacts): ProjectFactName[] {
  return FACT_NAMES.filter((name) => before[name] !== after[name]);
}

function checkRegistration(input: RegisterProject): void {
  if (typeof input.code !== 'string' || !PROJECT_CODE_PATTERN.test(input.code)) throw new RuleViolation(`code ${PROJECT_CODE_RULE}`, 'rule');
  if (typeof input.name !== 'string' || [...input.name].length > NAME_MAX_LENGTH || !NAME_PATTERN.test(input.name))
    throw new RuleViolation(`name must be 1–${NAME_MAX_LENGTH} characters, not only spaces`, 'rule');
  if (!(ProjectTypes as readonly string[]).includes(input.type)) throw new RuleViolation(`type must be one of: ${ProjectTypes.join(', ')}`, 'rule');
  if (typeof input.regionCode !== 'string' || !REGION_CODE_PATTERN.test(input.regionCode)) throw new RuleViolation(`regionCode ${REGION_CODE_RULE}`, 'rule');
  if (!isValidUscc(input.ownerUscc))
    throw new RuleViolation('ownerUscc must be a valid 统一社会信用代码 (18 characters with a correct GB 32100 check character)', 'rule');
}

/**
 * 工程建设项目: what a project is and the facts its stage templates decide by. Every rule of its
 * registration and of its facts is here, as pure transitions that return what they caused; the
 * projects service checks who may act, loads, calls and saves.
 */
export class Project {
  private constructor(private state: ProjectState) {}

  /** Registers a project with the facts known so far; it has not entered a stage yet. */
  static register(input: RegisterProject, id: string, now: Date): { project: Project; transition: Transition } {
    checkRegistration(input);
    const facts = checkFacts(input.facts);
    const project = new Project({
      id,
      code: input.code,
      name: input.name,
      type: input.type,
      regionCode: input.regionCode,
      ownerUscc: input.ownerUscc,
      facts,
      status: 'registered',
      stage: null,
      registeredAt: now,
      factsChangedAt: null,
    });
    const registered: ProjectRegisteredV1 = {
      projectId: id,
      projectCode: input.code,
      projectType: input.type,
      regionCode: input.regionCode,
      ownerUscc: input.ownerUscc,
      facts: { ...facts },
      registeredAt: now.toISOString(),
    };
    return {
      project,
      transition: {
        action: 'project.registered',
        before: null,
        after: { status: 'registered', code: input.code, name: input.name, type: input.type, regionCode: input.regionCode, ownerUscc: input.ownerUscc, facts },
        events: [{ type: ApprovalEventTypes.projectRegistered, subject: id, data: registered }],
      },
    };
  }

  /** Rebuilds a project from what was stored; no rule runs. */
  static restore(state: ProjectState): Project {
    return new Project({ ...state, facts: { ...state.facts } });
  }

  get snapshot(): Readonly<ProjectState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /**
   * Replaces the facts with what is known now (a fact left out becomes unknown). Allowed until
   * the project is closed; the same facts again change nothing.
   */
  updateFacts(input: ProjectFactsInput, now: Date): MaybeTransition {
    if (this.state.status === 'closed') throw new RuleViolation(`project ${this.state.code} is closed; its facts no longer change`);
    const facts = checkFacts(input);
    const changed = changedFacts(this.state.facts, facts);
    if (!changed.length) return NO_CHANGE;
    const before = { facts: this.state.facts };
    this.state = { ...this.state, facts, factsChangedAt: now };
    const event: ProjectFactsChangedV1 = {
      projectId: this.state.id,
      projectCode: this.state.code,
      facts: { ...facts },
      changedFacts: changed,
      changedAt: now.toISOString(),
    };
    return {
      action: 'project.facts-changed',
      before,
      after: { facts, changedFacts: changed },
      events: [{ type: ApprovalEventTypes.projectFactsChanged, subject: this.state.id, data: event }],
    };
  }

  /**
   * The lifecycle workflow opened the next stage. Stages only move forward; the same stage
   * again (a retried activity) changes nothing.
   */
  reachStage(stage: ApprovalStage, now: Date): MaybeTransition {
    const s = this.state;
    if (s.stage === stage) return NO_CHANGE;
    if (s.status === 'closed') throw new RuleViolation(`project ${s.code} is closed; it reaches no further stage`);
    const order = SequentialStages as readonly ApprovalStage[];
    if (!order.includes(stage)) throw new RuleViolation(`${stage} is not a sequential stage (${order.join(' → ')})`, 'rule');
    if (s.stage && order.indexOf(stage) < order.indexOf(s.stage))
      throw new RuleViolation(`project ${s.code} is in ${s.stage}; it does not go back to ${stage}`);
    this.state = { ...s, stage };
    const event: ProjectStageReachedV1 = { projectId: s.id, projectCode: s.code, stage, previousStage: s.stage, reachedAt: now.toISOString() };
    return {
      action: 'project.stage-reached',
      before: { stage: s.stage },
      after: { stage },
      events: [{ type: ApprovalEventTypes.projectStageReached, subject: s.id, data: event }],
    };
  }

  /** 竣工验收 closes the project, once. */
  complete(now: Date): MaybeTransition {
    const s = this.state;
    if (s.status === 'closed') return NO_CHANGE;
    this.state = { ...s, status: 'closed' };
    const event: ProjectCompletedV1 = { projectId: s.id, projectCode: s.code, completedAt: now.toISOString() };
    return {
      action: 'project.completed',
      before: { status: s.status, stage: s.stage },
      after: { status: 'closed' },
      events: [{ type: ApprovalEventTypes.projectCompleted, subject: s.id, data: event }],
    };
  }
}
