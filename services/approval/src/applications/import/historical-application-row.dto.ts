import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { ApprovalDecision, ClockStopReason, ClockStopReasons } from '@cityworks/contracts';
import { MAX_ROWS, SchemaRules } from '@cityworks/platform';
import { AcceptApplicationDto } from '../dto/accept-application.dto';

/**
 * An instant as the old system recorded it, with its offset: a local time without one would be
 * read in the server's zone and could land on another China day, moving the working-day count.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_RULE = 'must be an ISO 8601 instant with seconds and an offset, e.g. 2026-02-10T09:00:00+08:00';
const Instant = (field: string) =>
  applyDecorators(
    Matches(INSTANT, { message: `${field} ${INSTANT_RULE}` }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${field} must be a real calendar instant` }),
  );

/** Something besides spaces (a byte-order mark counts as a space, as JavaScript's \s does not say). */
const NOT_BLANK = /[^\s\ufeff]/;

export const MAX_CLOCK_STOPS = 50;

/** One 暂停计时 of the old system, closed: a historical application is decided, so is its clock. */
export class HistoricalClockStopDto {
  @ApiProperty({ enum: ClockStopReasons, description: 'a reason the item version in force at acceptance allows' })
  @IsIn(ClockStopReasons as unknown as string[])
  reason: ClockStopReason;

  @ApiProperty({ description: 'the clock stopped (not before acceptedAt, not before the previous stop ended)', example: '2026-02-13T09:00:00+08:00' })
  @Instant('from')
  from: string;

  @ApiProperty({ description: 'the clock ran again (not before from, not after decidedAt)', example: '2026-02-25T10:00:00+08:00' })
  @Instant('to')
  to: string;
}

/**
 * One application (办件) of the old system, as 受理 would have taken it (the same fields and
 * rules as POST /applications), with what happened to it since: its clock-stops and decision.
 */
@SchemaRules({
  anyOf: [{ properties: { decision: { enum: ['approved'] } } }, { required: ['decisionReason'] }],
})
export class HistoricalApplicationRowDto extends PickType(AcceptApplicationDto, [
  'projectCode',
  'itemCode',
  'departmentCode',
  'regionCode',
  'ownerUscc',
  'onCommitment',
] as const) {
  @ApiProperty({
    description: "原办件编号: the old system's number of the application; once per file, and an application imported before under it is refused",
    maxLength: 128,
    example: 'AS-SP-2026-000123',
  })
  @IsString()
  @MaxLength(128)
  @Matches(/^[^\s\ufeff](.*[^\s\ufeff])?$/, { message: 'sourceRef must not be blank nor start or end with spaces' })
  sourceRef: string;

  @ApiProperty({
    description: '受理时间: the catalog item version in force on its China date sets the terms; not in the future',
    example: '2026-02-11T10:00:00+08:00',
  })
  @Instant('acceptedAt')
  acceptedAt: string;

  @ApiPropertyOptional({
    type: [HistoricalClockStopDto],
    description: '暂停计时 in the order they happened, none overlapping, between acceptedAt and decidedAt',
    maxItems: MAX_CLOCK_STOPS,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CLOCK_STOPS)
  @ValidateNested({ each: true })
  @Type(() => HistoricalClockStopDto)
  clockStops?: HistoricalClockStopDto[] | null;

  @ApiProperty({ description: '办结时间: not before acceptedAt nor the end of the last stop; not in the future', example: '2026-03-04T16:00:00+08:00' })
  @Instant('decidedAt')
  decidedAt: string;

  @ApiProperty({ enum: ['approved', 'rejected'], description: '审批结果 (告知承诺 is onCommitment, not a decision of its own)' })
  @IsIn(['approved', 'rejected'])
  decision: ApprovalDecision;

  @ApiPropertyOptional({ description: '理由: required for a rejection (不予许可须说明理由)', maxLength: 2000 })
  @ValidateIf((row: HistoricalApplicationRowDto) => row.decision === 'rejected' || row.decisionReason !== undefined)
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, { message: 'decisionReason is required when the decision is rejected, and is not blank' })
  decisionReason?: string;
}

/** The JSON form of an import: the rows under `applications`. */
export class ImportApplicationsDto {
  @ApiProperty({ type: [HistoricalApplicationRowDto], description: 'one row per application; refused whole when any row is refused' })
  @IsArray()
  @ArrayMinSize(1, { message: 'applications must list at least one application' })
  @ArrayMaxSize(MAX_ROWS, { message: `applications may list at most ${MAX_ROWS} applications` })
  applications: unknown[];
}
