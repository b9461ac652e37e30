import * as fs from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { readInfraConfig } from '@cityworks/platform';

export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

/**
 * How to reach Temporal: the local dev server needs only an address; a cluster past one
 * machine usually wants mTLS (TEMPORAL_TLS_CERT_FILE + TEMPORAL_TLS_KEY_FILE, optionally
 * TEMPORAL_TLS_CA_FILE and TEMPORAL_TLS_SERVER_NAME) or an API key (TEMPORAL_API_KEY, with TLS).
 * Used for the client, the activity workers and the workflow worker alike.
 */
export function temporalConnectionOptions(env: NodeJS.ProcessEnv = process.env): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: readInfraConfig(env).temporalAddress };
  const read = (name: string): Buffer | undefined => {
    const file = env[name];
    if (!file) return undefined;
    if (!fs.existsSync(file)) throw new Error(`${name} points at ${file}, which does not exist`);
    return fs.readFileSync(file);
  };
  const crt = read('TEMPORAL_TLS_CERT_FILE');
  const key = read('TEMPORAL_TLS_KEY_FILE');
  if (!!crt !== !!key) throw new Error('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together');
  const ca = read('TEMPORAL_TLS_CA_FILE');
  if (crt || ca || env.TEMPORAL_TLS === 'true' || env.TEMPORAL_API_KEY) {
    options.tls = {
      ...(crt && key ? { clientCertPair: { crt, key } } : {}),
      ...(ca ? { serverRootCACertificate: ca } : {}),
      ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    };
  }
  if (env.TEMPORAL_API_KEY) options.apiKey = env.TEMPORAL_API_KEY;
  return options;
}
