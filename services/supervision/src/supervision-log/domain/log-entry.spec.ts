import { appendLogEntry } from './log-entry';

describe('监管日志 entry', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const entry = (overrides: Partial<Parameters<typeof appendLogEntry>[0]> = {}) => ({
    id: 'e-1',
    actionId: 'a-1',
    seq: 2,
    step: 'evidence-collected' as const,
    at: new Date('2026-12-01T01:00:00Z'),
    note: '  取证  ',
    actorUserId: 'u-1',
    actorDepartmentCode: 'AS-ZJJ',
    attachments: [{ name: ' 照片.jpg ', sha256: 'a'.repeat(64), sizeBytes: 1024 }],
    recordedAt: now,
    ...overrides,
  });

  it('keeps the step with who, when and its attachments, trimmed', () => {
    const { entry: e, transition } = appendLogEntry(entry(), now);
    expect(e).toMatchObject({ note: '取证', attachments: [{ name: '照片.jpg', sha256: 'a'.repeat(64), sizeBytes: 1024 }] });
    expect(transition).toMatchObject({ action: 'supervision-log.appended', after: { seq: 2, step: 'evidence-collected', attachments: 1 } });
  });

  it('refuses a step in the future, other without a note, a bad hash or size, a file twice', () => {
    expect(() => appendLogEntry(entry({ at: new Date(now.getTime() + 1) }), now)).toThrow(/future/);
    expect(() => appendLogEntry(entry({ step: 'other', note: ' ' }), now)).toThrow(/note/);
    expect(() => appendLogEntry(entry({ attachments: [{ name: 'x', sha256: 'A'.repeat(64), sizeBytes: 1 }] }), now)).toThrow(/sha256/);
    expect(() => appendLogEntry(entry({ attachments: [{ name: 'x', sha256: 'a'.repeat(64), sizeBytes: -1 }] }), now)).toThrow(/sizeBytes/);
    const a = { name: 'x', sha256: 'b'.repeat(64), sizeBytes: 1 };
    expect(() => appendLogEntry(entry({ attachments: [a, { ...a, name: 'y' }] }), now)).toThrow(/twice/);
  });
});
