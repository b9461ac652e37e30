import type { ApiBodyOptions } from '@nestjs/swagger';

/** The file body of an import, for /docs: CSV text, or JSON rows as the export writes them. */
export const importBodySchema: ApiBodyOptions = {
  description: 'CSV with a header row (API field names or the Chinese column titles; lists separated by ";", booleans true/false or 是/否), or JSON: an array of rows or { "items": [...] }',
  schema: { oneOf: [{ type: 'string', example: 'code,name,category,…' }, { type: 'array', items: { type: 'object' } }] },
};
