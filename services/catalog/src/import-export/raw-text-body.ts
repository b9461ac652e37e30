import { text } from 'express';

/** CSV arrives as text; the platform parses only JSON bodies. */
export const csvBodyParser = text({ type: ['text/csv', 'application/csv', 'text/plain'], limit: process.env.CATALOG_IMPORT_LIMIT ?? '5mb' });
