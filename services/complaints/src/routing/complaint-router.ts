import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ComplaintCategory } from '@cityworks/contracts';
import type { ComplaintKind } from '../complaints/intake/complaint-kind';
import { ComplaintCatalog } from './complaint-catalog';
import { dutyOf, route, Route } from './duty';
import { reformOfficeOf, ReformOffices } from './reform-offices';

export const REFORM_OFFICES = Symbol('REFORM_OFFICES');

/** What routing needs of a complaint: never the complainant. */
export interface RoutingFacts {
  kind: ComplaintKind;
  category: ComplaintCategory;
  regionCode: string;
  itemCode?: string | null;
  projectCode?: string | null;
}

/** 按属地、部门职能: the department a complaint goes to, from complaints' own copy of the catalog. */
@Injectable()
export class ComplaintRouter {
  constructor(
    private readonly catalog: ComplaintCatalog,
    @Inject(REFORM_OFFICES) readonly offices: ReformOffices,
  ) {}

  /** The territory's 工改办; a region outside every configured territory is not this city's to handle (422). */
  reformOfficeFor(regionCode: string): string {
    const office = reformOfficeOf(this.offices, regionCode);
    if (!office)
      throw new UnprocessableEntityException(
        `regionCode ${regionCode} lies outside every territory with a 工改办 (COMPLAINT_REFORM_OFFICES); complaints about it go to that territory's platform`,
      );
    return office;
  }

  async route(manager: EntityManager, facts: RoutingFacts, at: Date): Promise<Route> {
    const office = this.reformOfficeFor(facts.regionCode);
    const byItem = facts.itemCode ? await this.catalog.itemInForce(manager, facts.itemCode, facts.regionCode, at) : null;
    const byProject = !byItem && facts.projectCode ? await this.catalog.projectItemInForce(manager, facts.projectCode, facts.regionCode, at) : null;
    return route(dutyOf(facts.kind, facts.category), byItem, byProject, office);
  }
}
