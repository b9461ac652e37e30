import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ApprovalDecision } from '../events/approval.events';
import type { ApprovalStage, ProjectType } from '../catalog/catalog-vocabulary';
import type { ProjectFacts } from '../catalog/project-facts';
import type { ApplicationWorkflowState } from './application';
import type { LadderTerms } from './escalation-ladder';

/**
 * 工程建设项目 from 立项 to 竣工验收: the four stages in order, 市政公用报装 alongside from the
 * 工程建设许可 stage on. Each stage asks the catalog which items the project needs, runs one
 * application workflow per accepted application in parallel (并联审批) and completes when every
 * required item is approved; 竣工验收 closes the project.
 */
export const projectLifecycleWorkflowType = 'projectLifecycleWorkflow';
export const projectLifecycleWorkflowId = (projectCode: string) => `project-${projectCode}`;

/** The stages a project passes one after another. */
export const SequentialStages = ['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收'] as const satisfies readonly ApprovalStage[];
/** 市政公用报装接入 runs alongside, opened with this stage. */
export const UtilityStage: ApprovalStage = '市政公用报装';
export const UtilityStageOpensWith: ApprovalStage = '工程建设许可';

export interface ProjectLifecycleInput {
  projectCode: string;
  projectType: ProjectType;
  regionCode: string;
  ownerUscc: string;
  facts: ProjectFacts;
  /** the state a previous run handed over (continue-as-new) */
  carried?: ProjectLifecycleState;
  /** accepted applications whose workflows the previous run had not started yet */
  pendingStarts?: ApplicationAcceptedNotice[];
  /** hand over to a fresh run past this many history events (tests set it low) */
  historyLimit?: number;
}

export interface RequiredItemProgress {
  itemCode: string;
  name: string;
  departmentCode: string;
  timeLimitWorkingDays: number;
  /** 'not-applied' until an application is accepted; 'rejected' waits for a resubmission */
  status: 'not-applied' | 'in-progress' | 'approved' | 'rejected' | 'revoked';
}

export interface StageProgress {
  stage: ApprovalStage;
  status: 'not-started' | 'open' | 'completed';
  openedAt: string | null;
  completedAt: string | null;
  required: RequiredItemProgress[];
  /** items whose condition needs facts the project has not given yet (补充项目信息) */
  undetermined: { itemCode: string; missingFacts: string[] }[];
  /** why the catalog could not answer for this stage (asked again when the facts change, or daily) */
  problem?: string | null;
}

export interface LifecycleApplication {
  applicationId: string;
  itemCode: string;
  stage: ApprovalStage;
  departmentCode: string;
  acceptedAt: string;
  status: 'in-progress' | 'approved' | 'rejected' | 'revoked';
  /** the application's deadline as its workflow last reported it; null while the clock is stopped */
  dueAt: string | null;
  overdue: boolean;
  decidedAt: string | null;
}

export interface ProjectLifecycleState {
  projectCode: string;
  status: 'running' | 'completed';
  /** the sequential stage the project is in; null once completed */
  currentStage: ApprovalStage | null;
  stages: StageProgress[];
  applications: LifecycleApplication[];
  completedAt: string | null;
}

/** Accepted by the approval service (受理): the project starts the application's workflow. */
export interface ApplicationAcceptedNotice {
  applicationId: string;
  itemCode: string;
  stage: ApprovalStage;
  departmentCode: string;
  regionCode: string;
  acceptedAt: string;
  dueAt: string;
  /** the escalation ladder's settings for the application's workflow */
  ladder?: LadderTerms;
}

/** An application workflow reports its clock and its end to the project. */
export type ApplicationProgressNotice = Pick<ApplicationWorkflowState, 'applicationId' | 'dueAt' | 'overdue'> & {
  decision: ApprovalDecision | null;
  decidedAt: string | null;
};

export interface ApplicationRevokedNotice {
  applicationId: string;
  revokedAt: string;
}

export const applicationAcceptedSignal = defineSignal<[ApplicationAcceptedNotice]>('applicationAccepted');
export const applicationProgressSignal = defineSignal<[ApplicationProgressNotice]>('applicationProgress');
export const applicationRevokedSignal = defineSignal<[ApplicationRevokedNotice]>('applicationRevoked');
/** the project's facts changed: required items are asked for again */
export const projectFactsChangedSignal = defineSignal<[ProjectFacts]>('projectFactsChanged');
export const projectLifecycleStateQuery = defineQuery<ProjectLifecycleState>('projectLifecycleState');
