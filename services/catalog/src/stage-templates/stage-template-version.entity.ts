import { Column, Entity } from 'typeorm';
import type { StageTemplateEntry } from '@cityworks/contracts';
import { ListedVersion } from '../versioning/listed-version.entity';

/**
 * Which approval items a project type needs in each stage, one version in one region's list;
 * `code` is the project type (e.g. 社会投资简易低风险).
 */
@Entity({ name: 'stage_template_versions' })
export class StageTemplateVersion extends ListedVersion {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'jsonb' })
  entries: StageTemplateEntry[];
}

export type StageTemplateContent = Pick<StageTemplateVersion, 'name' | 'entries'>;
export const stageTemplateContentFields = ['name', 'entries'] as const;
