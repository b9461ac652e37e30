import type { RequestHandler } from 'express';
import { text } from 'express';

/** The media types a CSV file arrives as; the platform itself parses only JSON bodies. */
export const CSV_MEDIA_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/**
 * Reads a CSV upload as text, for the import routes only (`consumer.apply(...).forRoutes(...)`);
 * a larger body is refused with 413 before it reaches the handler.
 */
export function csvTextBody(limit: string): RequestHandler {
  return text({ type: CSV_MEDIA_TYPES, limit });
}

/** The media type of a request without its parameters (`text/csv; charset=utf-8` → `text/csv`). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
