import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ApprovalItemSnapshot } from '@cityworks/contracts';
import { ApprovalItemVersionsRepository } from './approval-item-versions.repository';
import { regionChain } from './region-chain';

/** China keeps one zone, UTC+8, without daylight saving (as libs/calendar's chinaDateOf). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China at an instant: versions take effect by China's calendar. */
function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The 审批事项清单 as approval knows it: its own copy of the catalog's approval-item versions,
 * fed by catalog.item-changed.v1 (ADR 0013), so an application is accepted while the catalog
 * or Temporal is down. Everything statutory about an application (实施部门, 监管部门, time limit,
 * clock-stops, 告知承诺 and its verification period, supervision feedback period) comes from
 * the version this answers for the day of acceptance.
 */
@Injectable()
export class ApprovalItemCatalog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: ApprovalItemVersionsRepository,
  ) {}

  /**
   * the version of `itemCode` in force on `asOf` (China date) for `regionCode`: the region's own
   * list first, then the lists above it (a district 210302 → its city 210300 → its province
   * 210000, by the administrative-division code: see {@link regionChain}), never a withdrawn
   * version nor one effective after asOf; null when none (or the item is retired as of then:
   * a list that retires an item does not fall back to the list above it)
   */
  async inForce(itemCode: string, regionCode: string, asOf: Date, manager?: EntityManager): Promise<ApprovalItemSnapshot | null> {
    const row = await this.versions.nearestInForce(manager ?? this.dataSource.manager, itemCode, regionChain(regionCode), chinaDateOf(asOf));
    return row && !row.retired ? row.snapshot : null;
  }
}
