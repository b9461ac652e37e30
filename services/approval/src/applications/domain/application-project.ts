import { RuleViolation } from '@cityworks/platform';
import type { ProjectState } from '../../projects/domain/project';
import type { AcceptApplication } from './application';

/**
 * An application belongs to a registered project (项目代码 first, 办件 after): the project's
 * region and owner are the application's, and a closed project takes no more applications.
 */
export function assertApplicationFitsProject(
  input: Pick<AcceptApplication, 'projectCode' | 'regionCode' | 'ownerUscc'>,
  project: Readonly<ProjectState> | null,
): void {
  if (!project) throw new RuleViolation(`projectCode ${input.projectCode} is not a registered project (register it first: POST /projects)`, 'rule');
  if (project.status === 'closed') throw new RuleViolation(`project ${project.code} is closed (竣工验收 done); it takes no more applications`);
  if (project.regionCode !== input.regionCode)
    throw new RuleViolation(`regionCode ${input.regionCode} is not the region of project ${project.code} (${project.regionCode})`, 'rule');
  if (project.ownerUscc !== input.ownerUscc)
    throw new RuleViolation(`ownerUscc ${input.ownerUscc} is not the owner (建设单位) of project ${project.code}`, 'rule');
}
