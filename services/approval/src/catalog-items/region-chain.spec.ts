import { parentRegionCode, regionChain } from './region-chain';

describe('region chain by administrative-division code (GB/T 2260)', () => {
  it('goes from a district to its city to its province', () => {
    expect(parentRegionCode('210302')).toBe('210300');
    expect(parentRegionCode('210300')).toBe('210000');
    expect(parentRegionCode('210000')).toBeNull();
    expect(regionChain('210302')).toEqual(['210302', '210300', '210000']);
  });

  it('files a development zone (开发区) and a county-level city under their city', () => {
    expect(regionChain('210391')).toEqual(['210391', '210300', '210000']);
    expect(regionChain('210381')).toEqual(['210381', '210300', '210000']);
  });

  it('starts a city at itself and a province has nothing above it', () => {
    expect(regionChain('210300')).toEqual(['210300', '210000']);
    expect(regionChain('210000')).toEqual(['210000']);
  });

  it('reads only a pair of zeros as "none": 210310 is a district, 211000 (辽阳市) a city', () => {
    expect(parentRegionCode('210310')).toBe('210300');
    expect(parentRegionCode('211000')).toBe('210000');
  });

  it('gives a code that is not six digits no parents', () => {
    expect(regionChain('21')).toEqual(['21']);
    expect(regionChain('21030A')).toEqual(['21030A']);
    expect(regionChain('')).toEqual(['']);
  });
});
