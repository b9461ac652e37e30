import { IntersectionType } from '@nestjs/swagger';
import { HistoryMetaView, VersionMetaView } from '../../versioning/dto/version-views';
import { SupervisionItemFieldsDto } from './supervision-item-fields.dto';

export class SupervisionItemView extends IntersectionType(VersionMetaView, SupervisionItemFieldsDto) {}

export class SupervisionItemHistoryView extends IntersectionType(SupervisionItemView, HistoryMetaView) {}
