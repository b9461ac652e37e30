import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import type { SupervisionMode } from '@cityworks/contracts';
import { HistoryMetaView, VersionMetaView } from '../../versioning/dto/version-views';
import { ApprovalItemFieldsDto } from './approval-item-fields.dto';

class SupervisionModeView {
  @ApiProperty({ enum: ['审管一体', '审管分离'] })
  supervisionMode: SupervisionMode;
}

/** An approval item version as the API returns it (= ApprovalItemSnapshot). */
export class ApprovalItemView extends IntersectionType(VersionMetaView, ApprovalItemFieldsDto, SupervisionModeView) {}

export class ApprovalItemHistoryView extends IntersectionType(ApprovalItemView, HistoryMetaView) {}
