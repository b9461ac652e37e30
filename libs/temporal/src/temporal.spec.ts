import * as path from 'node:path';
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
