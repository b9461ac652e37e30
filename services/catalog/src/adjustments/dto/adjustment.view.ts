import { ApiProperty } from '@nestjs/swagger';
import { RegionLevels } from '@cityworks/contracts';

/** A 动态调整 flag as the API answers it (the ListAdjustment row). */
export class AdjustmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['approval-item', 'supervision-item'] }) itemKind: string;
  @ApiProperty({ description: 'the lower list that needs adjusting' }) regionCode: string;
  @ApiProperty() itemCode: string;
  @ApiProperty() upperRegionCode: string;
  @ApiProperty({ type: 'integer', description: "the upper list's version to adopt" }) upperVersion: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the upper version the lower list follows now (null: it does not list the item)' })
  followedVersion: number | null;
  @ApiProperty({ enum: ['changed', 'added', 'retired'] }) reason: string;
  @ApiProperty({ enum: ['open', 'adopted', 'dismissed', 'superseded', 'withdrawn'] }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) closingNote: string | null;
}

/** Whether a list needs adjusting, and how many flags are open for each kind of item. */
export class ListStatusView {
  @ApiProperty() regionCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RegionLevels }) level: string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty() needsAdjustment: boolean;
  @ApiProperty({ type: 'integer' }) openApprovalItemAdjustments: number;
  @ApiProperty({ type: 'integer' }) openSupervisionItemAdjustments: number;
}

/** An adopted flag and the lower list's new version. */
export class AdoptedAdjustmentView {
  @ApiProperty({ type: AdjustmentView }) adjustment: AdjustmentView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the new version, as GET /approval-items/{code} or /supervision-items/{code} answers it',
  })
  version: Record<string, unknown>;
}
