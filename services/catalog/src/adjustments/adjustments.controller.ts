import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@cityworks/contracts';
import { ApiErrors, CurrentUser, pageViewOf } from '@cityworks/platform';
import { AdjustmentView, AdoptedAdjustmentView, ListStatusView } from './dto/adjustment.view';
import { CanMaintain, CanRead } from '../common/access';
import { AdjustmentsService } from './adjustments.service';
import { AdoptAdjustmentDto, DismissAdjustmentDto, ListAdjustmentsQuery, ListStatusQuery } from './dto/adjustment-requests.dto';

@ApiTags('adjustments')
@Controller('adjustments')
export class AdjustmentsController {
  constructor(private readonly adjustments: AdjustmentsService) {}

  @Get()
  @CanRead()
  @ApiOkResponse({ type: pageViewOf(AdjustmentView) })
  @ApiErrors(400)
  @ApiOperation({ summary: "动态调整 flags: lower lists following an older version of an upper list's item (open by default)" })
  list(@Query() query: ListAdjustmentsQuery) {
    return this.adjustments.list(query);
  }

  @Get('lists')
  @CanRead()
  @ApiOkResponse({ type: [ListStatusView] })
  @ApiErrors(400)
  @ApiOperation({ summary: 'Which lists need adjustment: one list (regionCode) or every list under an upper one (upperRegionCode)' })
  lists(@Query() query: ListStatusQuery) {
    return this.adjustments.listStatus(query);
  }

  @Get(':id')
  @CanRead()
  @ApiOkResponse({ type: AdjustmentView })
  @ApiErrors(400, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.adjustments.get(id);
  }

  @Post(':id/adopt')
  @CanMaintain()
  @ApiCreatedResponse({ type: AdoptedAdjustmentView })
  @ApiErrors(400, 404, [409, 'the flag is no longer open, or the upper list no longer has the item'])
  @ApiOperation({ summary: 'The lower list adopts the upper version from a date (a new version following it, own departments kept); the flag closes' })
  adopt(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AdoptAdjustmentDto, @CurrentUser() user?: AuthUser) {
    return this.adjustments.adopt(id, body, user?.userId ?? null);
  }

  @Post(':id/dismiss')
  @CanMaintain()
  @HttpCode(200)
  @ApiOkResponse({ type: AdjustmentView })
  @ApiErrors(400, 404, [409, 'the flag is no longer open'])
  @ApiOperation({ summary: "Keep the lower list's version, with the reason; the flag closes" })
  dismiss(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DismissAdjustmentDto) {
    return this.adjustments.dismiss(id, body);
  }
}
