import type { Type } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import type { MediaTypeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { MAX_ROWS } from '@cityworks/platform';

/**
 * The file body of an import, for /docs: CSV text with a header row, or JSON rows as the export
 * writes them, each row checked like the list's row DTO (`rowDto`).
 */
export function importContent(rowDto: Type<unknown>): Record<string, MediaTypeObject> {
  const rows = { type: 'array' as const, maxItems: MAX_ROWS, items: { $ref: getSchemaPath(rowDto) } };
  return {
    'text/csv': {
      schema: {
        type: 'string',
        description: 'a header row (API field names or the Chinese column titles), then one row per item; lists separated by ";", booleans true/false or 是/否',
        example: 'code,name,category,…',
      },
    },
    'application/json': {
      schema: {
        description: 'an array of rows, or an exported file ({ "items": [...] }); the fields an export adds for reading are ignored',
        oneOf: [rows, { type: 'object', required: ['items'], properties: { items: rows } }],
      },
    },
  };
}
