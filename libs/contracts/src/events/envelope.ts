/**
 * The CloudEvents 1.0 envelope every integration event travels in, so outside platforms
 * (信用共享, 互联网+监管) can consume the stream with standard tooling.
 */
export interface IntegrationEvent<T = unknown> {
  specversion: '1.0';
  /** unique per event; consumers de-duplicate on it */
  id: string;
  /** producing service, e.g. `/cityworks/approval` */
  source: string;
  /** versioned type, e.g. `approval.decided.v1` */
  type: string;
  time: string;
  /** the business key; also the Kafka message key, so one subject's events stay in order */
  subject: string;
  datacontenttype: 'application/json';
  /** correlation id extension, carried from the HTTP request that caused the event */
  correlationid: string;
  data: T;
}

/** What a producer supplies; the outbox fills in id, time, source and correlation. */
export interface NewIntegrationEvent<T = unknown> {
  type: string;
  subject: string;
  data: T;
}
