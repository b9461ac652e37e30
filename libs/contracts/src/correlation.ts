/** The Temporal header that carries the correlation id from the caller into workflows and activities. */
export const CORRELATION_HEADER_KEY = 'cityworks-correlation-id';
