import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { itemListController } from '../versioning/item-list.controller';
import { ApprovalItemsService } from './approval-items.service';
import { AmendApprovalItemDto, ApprovalItemRowDto, ListApprovalItemsQuery, PublishApprovalItemDto } from './dto/approval-item-requests.dto';
import { ApprovalItemHistoryView, ApprovalItemView } from './dto/approval-item.view';

/** 审批事项清单 over HTTP: the routes of every item list, with the approval item's own classes. */
@ApiTags('approval-items')
@Controller('approval-items')
export class ApprovalItemsController extends itemListController({
  service: ApprovalItemsService,
  listName: '审批事项清单',
  listQuery: ListApprovalItemsQuery,
  publishDto: PublishApprovalItemDto,
  amendDto: AmendApprovalItemDto,
  rowDto: ApprovalItemRowDto,
  view: ApprovalItemView,
  historyView: ApprovalItemHistoryView,
}) {}
