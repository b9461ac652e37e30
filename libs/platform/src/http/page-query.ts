import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Paging for every list endpoint; a list is never unbounded. */
export class PageQuery {
  @ApiPropertyOptional({ type: Number, default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page = 1;

  @ApiPropertyOptional({ type: Number, default: 20, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const pageViews = new Map<Class<unknown>, Class<unknown>>();

/** The response class of a page of `item` (named `<Item>Page` in the OpenAPI document). */
export function pageViewOf(item: Class<unknown>): Class<unknown> {
  const known = pageViews.get(item);
  if (known) return known;
  class PageView {
    @ApiProperty({ type: [item] }) items: unknown[];
    @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
  }
  Object.defineProperty(PageView, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  pageViews.set(item, PageView);
  return PageView;
}
