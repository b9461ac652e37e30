import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ClockStopReason, ClockStopReasons } from '@cityworks/contracts';

/** 暂停计时: stop an application's clock for one of the reasons its catalog item allows. */
export class StopClockDto {
  @ApiProperty({ enum: ClockStopReasons, description: 'a reason the item does not allow is refused (422) and recorded' })
  @IsIn(ClockStopReasons as unknown as string[])
  reason: ClockStopReason;

  @ApiPropertyOptional({ description: 'what is awaited, e.g. the missing material', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
