import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

export class ArrangedDayDto {
  @ApiProperty({ example: '2027-02-06' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '春节', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;
}

/** 国务院办公厅关于某年部分节假日安排的通知, as data. */
export class LoadArrangementDto {
  @ApiProperty({ example: 2027, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({
    type: [ArrangedDayDto],
    description:
      'every day off of the year besides plain weekends (放假日期). Rules checked with the data: `statutoryHoliday` (every statutory day off of 《全国年节及纪念日放假办法》 第二条 as revised for the year is listed: from 2025 元旦 1/1, 春节 除夕–初三, 清明, 劳动节 5/1–5/2, 端午, 中秋, 国庆 10/1–10/3), `inYear` (dates in `year`), `unique`',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(80)
  @ValidateNested({ each: true })
  @Type(() => ArrangedDayDto)
  holidays: ArrangedDayDto[];

  @ApiProperty({
    type: [ArrangedDayDto],
    description:
      '调休上班日期: weekend days worked in exchange. Rules checked with the data: `isWeekend`, `notBothHolidayAndWorkday` (not also in holidays), `inYear`, `unique`',
  })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ArrangedDayDto)
  workdays: ArrangedDayDto[];

  @ApiPropertyOptional({ description: '文件名称或文号', example: '国务院办公厅关于2027年部分节假日安排的通知', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sourceDocument?: string;
}

export class AddWorkingDaysQuery {
  @ApiProperty({ description: 'YYYY-MM-DD; not counted itself (民法典 第二百零一条)', example: '2026-09-30' })
  @IsCalendarDate()
  start: string;

  @ApiProperty({ example: 20, minimum: 0, maximum: 3650 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  days: number;
}

export class SubtractWorkingDaysQuery {
  @ApiProperty({ example: '2026-10-08' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 2, minimum: 0, maximum: 3650 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  days: number;
}

export class BetweenQuery {
  @ApiProperty({ example: '2026-09-30' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-10-31' })
  @IsCalendarDate()
  to: string;
}

export class DueQuery {
  @ApiProperty({ description: 'ISO 8601 instant of acceptance', example: '2026-12-15T09:30:00+08:00' })
  @IsISO8601({ strict: true })
  acceptedAt: string;

  @ApiProperty({ description: 'the limit in working days', example: 20, minimum: 0, maximum: 365 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  limitDays: number;

  @ApiPropertyOptional({ description: 'working days of legal clock-stops so far', default: 0, minimum: 0, maximum: 365 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  suspendedWorkingDays?: number;
}
