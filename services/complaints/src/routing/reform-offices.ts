import { regionChain } from './region-chain';

/**
 * The 工改办 (工程建设项目审批制度改革领导小组办公室) of each territory, which takes every
 * complaint no department claims and reviews reopened ones. The catalog keeps departments but does
 * not announce them in events, so the complaints service is told by configuration:
 * COMPLAINT_REFORM_OFFICES=`<regionCode>=<departmentCode>,…`; a region's own office first, then
 * the one above it. The default is the demo territory's (鞍山: AS-GGB for the city, AS-TD-GGB for
 * 铁东区, AS-GX-GGB for 高新区; services/catalog/src/demo/anshan-demo.json).
 */
export const DEFAULT_REFORM_OFFICES = '210300=AS-GGB,210302=AS-TD-GGB,210391=AS-GX-GGB';

export type ReformOffices = ReadonlyMap<string, string>;

/** Parses the setting; a bad one stops the service at start-up, naming the entry. */
export function readReformOffices(env: NodeJS.ProcessEnv = process.env): ReformOffices {
  const raw = env.COMPLAINT_REFORM_OFFICES?.trim() || DEFAULT_REFORM_OFFICES;
  const offices = new Map<string, string>();
  for (const entry of raw.split(',')) {
    const match = /^\s*(\d{6})\s*=\s*([A-Za-z0-9][A-Za-z0-9._-]{0,63})\s*$/.exec(entry);
    if (!match) throw new Error(`COMPLAINT_REFORM_OFFICES entries must be <6-digit region>=<department code>, got "${entry}"`);
    if (offices.has(match[1])) throw new Error(`COMPLAINT_REFORM_OFFICES names region ${match[1]} twice`);
    offices.set(match[1], match[2]);
  }
  return offices;
}

/** The 工改办 nearest to the region (its own, else the city's, else the province's); undefined outside every configured territory. */
export function reformOfficeOf(offices: ReformOffices, regionCode: string): string | undefined {
  for (const code of regionChain(regionCode)) {
    const office = offices.get(code);
    if (office) return office;
  }
  return undefined;
}

/** Whether a department is one of the 工改办. */
export function isReformOffice(offices: ReformOffices, departmentCode: string): boolean {
  return [...offices.values()].includes(departmentCode);
}
