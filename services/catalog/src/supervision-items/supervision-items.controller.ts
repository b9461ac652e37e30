import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { itemListController } from '../versioning/item-list.controller';
import { SupervisionItemsService } from './supervision-items.service';
import { AmendSupervisionItemDto, ListSupervisionItemsQuery, PublishSupervisionItemDto, SupervisionItemRowDto } from './dto/supervision-item-requests.dto';
import { SupervisionItemHistoryView, SupervisionItemView } from './dto/supervision-item.view';

/** 监管事项清单 over HTTP: the routes of every item list, with the supervision item's own classes. */
@ApiTags('supervision-items')
@Controller('supervision-items')
export class SupervisionItemsController extends itemListController({
  service: SupervisionItemsService,
  listName: '监管事项清单',
  listQuery: ListSupervisionItemsQuery,
  publishDto: PublishSupervisionItemDto,
  amendDto: AmendSupervisionItemDto,
  rowDto: SupervisionItemRowDto,
  view: SupervisionItemView,
  historyView: SupervisionItemHistoryView,
}) {}
