import type { DataSource } from 'typeorm';
import type { NotificationHandlers } from '@cityworks/platform';
import { CreditStandingIndex } from './credit-standing.index';

const USCC = '91210302MA0QTEST01';

/** Postgres as the index sees it: one table of grades, answered when the test says so. */
class FakeDatabase {
  grades = new Map<string, string>();
  private gate: Promise<void> | null = null;
  private openGate: () => void = () => undefined;

  /** Holds the next full load between reading its page and returning it. */
  holdFullLoad(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  release(): void {
    this.openGate();
  }

  readonly dataSource = {
    options: { schema: 'approval' },
    query: async (sql: string, params: unknown[] = []) => {
      const row = (uscc: string) => ({ uscc, grade: this.grades.get(uscc), joint_punishment: this.grades.get(uscc) === 'D', green_channel: false });
      if (sql.includes('subject_credit_grades WHERE uscc > $1')) {
        const page = [...this.grades.keys()].map(row);
        if (this.gate) await this.gate;
        return page;
      }
      if (sql.includes('subject_credit_grades WHERE uscc = $1')) return this.grades.has(params[0] as string) ? [row(params[0] as string)] : [];
      return [];
    },
  } as unknown as DataSource;
}

const handlersOf = (index: CreditStandingIndex) => (index as unknown as { listener: { handlers: NotificationHandlers } }).listener.handlers;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CreditStandingIndex', () => {
  it('answers nothing until loaded, then from what it loaded', async () => {
    const db = new FakeDatabase();
    db.grades.set(USCC, 'B');
    const index = new CreditStandingIndex(db.dataSource);
    expect(index.standing(USCC, new Date())).toBeNull();
    await handlersOf(index).connected();
    expect(index.standing(USCC, new Date())?.grade).toBe('B');
  });

  it('re-reads a subject changed while the whole index loaded, before answering (the page read may predate the change)', async () => {
    const db = new FakeDatabase();
    db.grades.set(USCC, 'B');
    const index = new CreditStandingIndex(db.dataSource);
    db.holdFullLoad();
    const loading = handlersOf(index).connected();
    await settle();
    // the page has been read with B; the change to D commits and is notified before the load ends
    db.grades.set(USCC, 'D');
    handlersOf(index).notified(`approval:${USCC}`);
    expect(index.standing(USCC, new Date())).toBeNull();
    db.release();
    await loading;
    expect(index.standing(USCC, new Date())?.grade).toBe('D');
  });

  it('ignores a notification about another schema', async () => {
    const db = new FakeDatabase();
    const index = new CreditStandingIndex(db.dataSource);
    await handlersOf(index).connected();
    db.grades.set(USCC, 'A');
    handlersOf(index).notified(`supervision:${USCC}`);
    await settle();
    expect(index.standing(USCC, new Date())?.grade).toBeNull();
    handlersOf(index).notified(`approval:${USCC}`);
    await settle();
    await settle();
    expect(index.standing(USCC, new Date())?.grade).toBe('A');
  });

  it('does not call itself current when its connection went while it loaded', async () => {
    const db = new FakeDatabase();
    const index = new CreditStandingIndex(db.dataSource);
    db.holdFullLoad();
    const loading = handlersOf(index).connected();
    await settle();
    handlersOf(index).disconnected();
    db.release();
    await loading;
    expect(index.standing(USCC, new Date())).toBeNull();
  });
});
