import searchAttributeFile from './search-attributes.json';
import { SearchAttributes } from './search-attributes';
import { topicSpecs, Topics } from './topics';

const cliType: Record<string, string> = {
  KEYWORD: 'Keyword',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  INT: 'Int',
  DOUBLE: 'Double',
  TEXT: 'Text',
  KEYWORD_LIST: 'KeywordList',
};

describe('contracts', () => {
  it('registers with the dev server exactly the search attributes the code uses', () => {
    const fromCode = Object.fromEntries(Object.values(SearchAttributes).map((k) => [k.name, cliType[k.type]]));
    expect(fromCode).toEqual(searchAttributeFile);
  });

  it('creates up front every topic a service publishes to', () => {
    const created = topicSpecs.map((t) => t.name).sort();
    expect(created).toEqual(Object.values(Topics).sort());
    for (const spec of topicSpecs) expect(spec.partitions).toBeGreaterThan(0);
  });
});
