import { BadRequestException, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cityworks/contracts';
import { PageQuery, RequireRoles } from '@cityworks/platform';
import { EventConsumer, ParkedEvent } from './event-consumer';

const EVENT_ID = '^[A-Za-z0-9._:-]{1,100}$';

export class ParkedEventView {
  @ApiProperty({ description: 'CloudEvents id of the parked event' })
  eventId: string;

  @ApiProperty({ example: 'approval.decided.v1' })
  type: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the business key the event is about' })
  subject: string | null;

  @ApiProperty({ description: 'why it was parked: the last error' })
  error: string;

  @ApiProperty({ description: 'attempts so far, re-drives included' })
  attempts: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  parkedAt: Date | null;

  @ApiProperty({ description: 'false when the envelope was not kept or no handler takes this type any more' })
  redrivable: boolean;

  static from(parked: ParkedEvent): ParkedEventView {
    return Object.assign(new ParkedEventView(), parked);
  }
}

export class ParkedEventPageView {
  @ApiProperty({ type: [ParkedEventView] })
  items: ParkedEventView[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class RedriveResultView {
  @ApiProperty()
  eventId: string;

  @ApiProperty({ enum: ['applied'] })
  outcome: 'applied';
}

/**
 * Events this service's consumer parked because retrying could not fix them. Operators and the
 * 工改办 list them and, once the cause is fixed, re-drive them.
 */
@ApiTags('parked events')
@ApiBearerAuth()
@Controller('parked-events')
export class ParkedEventsController {
  constructor(private readonly consumer: EventConsumer) {}

  @Get()
  @RequireRoles(Roles.auditor, Roles.system)
  @ApiOperation({ summary: 'events parked by this service, newest first, with the error that parked them' })
  @ApiOkResponse({ type: ParkedEventPageView })
  async list(@Query() query: PageQuery): Promise<ParkedEventPageView> {
    const { items, total } = await this.consumer.listParked(query.page, query.pageSize);
    return { items: items.map(ParkedEventView.from), total, page: query.page, pageSize: query.pageSize };
  }

  @Post(':eventId/redrive')
  @HttpCode(200)
  @RequireRoles(Roles.system)
  @ApiOperation({ summary: 'apply a parked event again once its cause is fixed; 409 when it fails again (it stays parked with the new error)' })
  @ApiParam({ name: 'eventId', schema: { type: 'string', pattern: EVENT_ID } })
  @ApiOkResponse({ type: RedriveResultView })
  redrive(@Param('eventId') eventId: string): Promise<RedriveResultView> {
    if (!new RegExp(EVENT_ID).test(eventId)) throw new BadRequestException(`eventId must match ${EVENT_ID}`);
    return this.consumer.redrive(eventId);
  }
}
