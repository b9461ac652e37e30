/**
 * The lists above a region, nearest first, from its 行政区划代码 (GB/T 2260, XXYYZZ): a 区县 or
 * 开发区 XXYYZZ → its city XXYY00 → its province XX0000. The catalog's region hierarchy is not in
 * its events, so the code stands for it, as in approval's copy (ADR 0013): 210302 铁东区 →
 * 210300 鞍山市 → 210000 辽宁省.
 */
export function regionChain(regionCode: string): string[] {
  const chain = [regionCode];
  for (let code = regionCode; /^\d{6}$/.test(code);) {
    const parent = !code.endsWith('00') ? `${code.slice(0, 4)}00` : !code.endsWith('0000') ? `${code.slice(0, 2)}0000` : null;
    if (!parent) break;
    chain.push(parent);
    code = parent;
  }
  return chain;
}
