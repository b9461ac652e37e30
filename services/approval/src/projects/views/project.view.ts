import { ApiProperty } from '@nestjs/swagger';
import { ApprovalStage, ApprovalStages, ProjectFacts, ProjectType, ProjectTypes } from '@cityworks/contracts';
import { Page, pageViewOf } from '@cityworks/platform';
import type { Project, ProjectStatus } from '../domain/project';
import { ProjectFactsDto } from '../dto/project-facts.dto';

/** A project (工程建设项目) as the API shows it. */
export class ProjectView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: '项目代码' })
  code: string;

  @ApiProperty({ description: '项目名称' })
  name: string;

  @ApiProperty({ description: '项目类型', enum: ProjectTypes })
  type: ProjectType;

  @ApiProperty({ description: '行政区划代码' })
  regionCode: string;

  @ApiProperty({ description: '建设单位统一社会信用代码' })
  ownerUscc: string;

  @ApiProperty({ type: ProjectFactsDto, description: 'the facts known (as the stage templates test them); a fact left out is not known' })
  facts: ProjectFacts;

  @ApiProperty({ enum: ['registered', 'closed'], description: 'registered until 竣工验收 closes it' })
  status: ProjectStatus;

  @ApiProperty({
    type: String,
    enum: [...ApprovalStages, null],
    nullable: true,
    description: 'the stage the lifecycle workflow has reached; null until it starts',
  })
  stage: ApprovalStage | null;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  factsChangedAt: string | null;

  static of(project: Project): ProjectView {
    const s = project.snapshot;
    return Object.assign(new ProjectView(), {
      id: s.id,
      code: s.code,
      name: s.name,
      type: s.type,
      regionCode: s.regionCode,
      ownerUscc: s.ownerUscc,
      facts: { ...s.facts },
      status: s.status,
      stage: s.stage,
      registeredAt: s.registeredAt.toISOString(),
      factsChangedAt: s.factsChangedAt?.toISOString() ?? null,
    });
  }
}

/** A page of projects (`ProjectPage` in the OpenAPI document). */
export const ProjectPageView = pageViewOf(ProjectView);
export type ProjectPage = Page<ProjectView>;
