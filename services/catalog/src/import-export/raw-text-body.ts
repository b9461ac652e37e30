import { csvTextBody } from '@cityworks/platform';

/** CSV arrives as text; the platform parses only JSON bodies. */
export const csvBodyParser = csvTextBody(process.env.CATALOG_IMPORT_LIMIT ?? '5mb');
