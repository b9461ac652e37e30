import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { temporalConnectionOptions } from './connection-options';
import { NotFoundException } from '@nestjs/common';
import { activityMethods } from './activity-methods';
import { failWithoutRetryOnClientError } from './temporal-worker.host';
import { findWorkspaceRoot, workspaceAliases } from './workflow-bundle';

class Base {
  protected readonly prefix: string = 'base';
  async inherited(): Promise<string> {
    return this.prefix;
  }
}

class SomeActivities extends Base {
  protected override readonly prefix = 'some';
  async markOverdue(id: string): Promise<string> {
    return `${this.prefix}:${id}`;
  }
  onModuleInit(): void {
    // a lifecycle hook, which must not become an activity
  }
  _helper(): void {
    // a private helper, which must not become an activity
  }
}

describe('activityMethods', () => {
  it('exposes public methods, bound, including inherited ones, but not lifecycle hooks or helpers', async () => {
    const methods = activityMethods(new SomeActivities());
    expect(Object.keys(methods).sort()).toEqual(['inherited', 'markOverdue']);
    const { markOverdue, inherited } = methods;
    expect(await markOverdue('t1')).toBe('some:t1');
    expect(await inherited()).toBe('some');
  });
});

describe('workflow bundle aliases', () => {
  const root = findWorkspaceRoot(__dirname);

  it('finds the workspace root', () => {
    expect(path.basename(path.join(root, 'tsconfig.base.json'))).toBe('tsconfig.base.json');
    expect(__dirname.startsWith(root)).toBe(true);
  });

  it('points at TypeScript sources in tests and compiled JS in production', () => {
    expect(workspaceAliases(root, false)['@cityworks/contracts']).toBe(path.join(root, 'libs/contracts/src/index.ts'));
    expect(workspaceAliases(root, true)['@cityworks/contracts']).toBe(path.join(root, 'dist/libs/contracts/src/index.js'));
  });
});

describe('failWithoutRetryOnClientError', () => {
  it('turns a 4xx from service code into a non-retryable failure and passes other errors through', () => {
    expect(() => failWithoutRetryOnClientError(new NotFoundException('task x not found'))).toThrow(
      expect.objectContaining({ nonRetryable: true, type: 'NotFoundException', message: 'task x not found' }),
    );
    const fault = new Error('connection lost');
    expect(() => failWithoutRetryOnClientError(fault)).toThrow(fault);
  });
});

describe('temporalConnectionOptions', () => {
  it('needs only an address for the local dev server', () => {
    expect(temporalConnectionOptions({})).toEqual({ address: '127.0.0.1:7233' });
  });

  it('uses mTLS and an API key for a cluster', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-'));
    fs.writeFileSync(path.join(dir, 'c.pem'), 'CERT');
    fs.writeFileSync(path.join(dir, 'k.pem'), 'KEY');
    const options = temporalConnectionOptions({
      TEMPORAL_ADDRESS: 'temporal.city.gov.cn:7233',
      TEMPORAL_TLS_CERT_FILE: path.join(dir, 'c.pem'),
      TEMPORAL_TLS_KEY_FILE: path.join(dir, 'k.pem'),
      TEMPORAL_API_KEY: 'secret',
    });
    expect(options).toMatchObject({ address: 'temporal.city.gov.cn:7233', apiKey: 'secret' });
    expect((options.tls as any).clientCertPair.crt.toString()).toBe('CERT');
  });

  it('refuses half a key pair or a missing file, naming the variable', () => {
    expect(() => temporalConnectionOptions({ TEMPORAL_TLS_CERT_FILE: __filename })).toThrow('TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together');
    expect(() => temporalConnectionOptions({ TEMPORAL_TLS_CA_FILE: '/nope/ca.pem' })).toThrow('TEMPORAL_TLS_CA_FILE points at /nope/ca.pem');
  });
});
