import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ApprovalStages, ProjectTypes } from '@cityworks/contracts';
import { HistoryMetaView, VersionMetaView } from '../../versioning/dto/version-views';

export class StageTemplateEntryView {
  @ApiProperty({ enum: ApprovalStages }) stage: string;
  @ApiProperty() itemCode: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'when the item is needed; absent: always' }) condition?: Record<
    string,
    unknown
  >;
  @ApiPropertyOptional({ type: String, nullable: true }) note?: string | null;
}

class StageTemplateFieldsView {
  @ApiProperty({ enum: ProjectTypes }) projectType: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [StageTemplateEntryView] }) entries: StageTemplateEntryView[];
}

/** A version of a project type's stage template (its `code` is the project type). */
export class StageTemplateView extends IntersectionType(VersionMetaView, StageTemplateFieldsView) {}

export class StageTemplateHistoryView extends IntersectionType(StageTemplateView, HistoryMetaView) {}

class RequiredItemView {
  @ApiProperty({ enum: ApprovalStages }) stage: string;
  @ApiProperty() itemCode: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the approval item in force, as GET /approval-items/{code} answers it' })
  item: Record<string, unknown>;
}

class UndeterminedItemView extends RequiredItemView {
  @ApiProperty({ type: [String], description: 'the facts to ask the applicant for' }) missingFacts: string[];
}

class UnavailableItemView {
  @ApiProperty({ enum: ApprovalStages }) stage: string;
  @ApiProperty() itemCode: string;
}

class TemplateRefView {
  @ApiProperty() regionCode: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
}

/** Which approval items a project needs (in a stage), which hinge on facts not given, which are no longer in force. */
export class RequiredItemsView {
  @ApiProperty({ enum: ProjectTypes }) projectType: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: TemplateRefView }) template: TemplateRefView;
  @ApiProperty({ type: [RequiredItemView] }) items: RequiredItemView[];
  @ApiProperty({ type: [UndeterminedItemView] }) undetermined: UndeterminedItemView[];
  @ApiProperty({ type: [UnavailableItemView] }) unavailable: UnavailableItemView[];
}
