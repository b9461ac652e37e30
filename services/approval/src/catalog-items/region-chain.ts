/**
 * The lists a region's items come from, nearest first, derived from its administrative-division
 * code (GB/T 2260 行政区划代码, six digits XXYYZZ: XX province, YY city, ZZ county):
 *
 * - XXYYZZ with ZZ ≠ 00 (区县, 开发区) → its city XXYY00;
 * - XXYY00 with YY ≠ 00 (市) → its province XX0000;
 * - XX0000 (省) has no list above it.
 *
 * So 210302 (铁东区) → 210300 (鞍山市) → 210000 (辽宁省). The catalog keeps its own region
 * hierarchy (`regions.parent_code`), but it is not in its events yet, so approval derives the
 * hierarchy from the code. Where the catalog's hierarchy differs from the code (e.g. a
 * 省直辖县级市 such as 419001, whose derived city 419000 does not exist), the derived chain only
 * contains a list nobody publishes, which is harmless, unless the catalog files a region under a
 * parent the code does not name. A code that is not six digits has no parents.
 */
export function parentRegionCode(regionCode: string): string | null {
  if (!/^\d{6}$/.test(regionCode)) return null;
  if (!regionCode.endsWith('00')) return `${regionCode.slice(0, 4)}00`;
  if (!regionCode.endsWith('0000')) return `${regionCode.slice(0, 2)}0000`;
  return null;
}

/** The region itself, then every list above it, nearest first: 210302 → [210302, 210300, 210000]. */
export function regionChain(regionCode: string): string[] {
  const chain = [regionCode];
  for (let parent = parentRegionCode(regionCode); parent; parent = parentRegionCode(parent)) chain.push(parent);
  return chain;
}
