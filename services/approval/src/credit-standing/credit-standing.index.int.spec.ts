import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { isolateKafkaConsumers, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { CreditStandingIndex } from './credit-standing.index';
import { CreditStandingService } from './credit-standing.service';

/**
 * The in-memory credit standing against the real Postgres: current whoever writes the row (a
 * second replica is a second connection), never answering while behind.
 */
describe('credit standing index', () => {
  let app: INestApplication;
  let otherReplica: Client;
  const index = () => app.get(CreditStandingIndex);

  /** Writes approval's copy of a grade as any replica's consumer would, on a connection of its own. */
  const grade = (uscc: string, grade: 'A' | 'B' | 'C' | 'D', version: number) =>
    otherReplica.query(
      `INSERT INTO approval.subject_credit_grades (uscc, grade, joint_punishment, green_channel, version, changed_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (uscc) DO UPDATE SET grade = EXCLUDED.grade, joint_punishment = EXCLUDED.joint_punishment,
         green_channel = EXCLUDED.green_channel, version = EXCLUDED.version`,
      [uscc, grade, grade === 'D', grade === 'A', version],
    );
  const listenerPid = async (): Promise<number | undefined> => {
    const rows: { pid: number }[] = await app
      .get(DataSource)
      .query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'cityworks-approval-listen' AND query LIKE 'LISTEN%' AND datname = current_database()`);
    return rows[0]?.pid;
  };

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    otherReplica = new Client({ connectionString: process.env.DATABASE_URL });
    await otherReplica.connect();
    await waitFor('the index to load', async () => index().standing(randomUscc(), new Date()) !== null);
  });

  afterAll(async () => {
    await otherReplica?.end();
    await app?.close();
  });

  it('answers from memory a grade written by another replica, and its every later change', async () => {
    const uscc = randomUscc();
    expect(index().standing(uscc, new Date())).toMatchObject({ grade: null, jointPunishment: false });
    await grade(uscc, 'C', 1);
    await waitFor('grade C in the index', async () => index().standing(uscc, new Date())?.grade === 'C');
    await grade(uscc, 'D', 2);
    await waitFor('grade D in the index', async () => index().standing(uscc, new Date())?.jointPunishment);
    expect(await app.get(CreditStandingService).of(uscc)).toEqual(await app.get(CreditStandingService).fromDatabase(uscc));
  });

  it('keeps many changes of one subject in quick succession in their last state', async () => {
    const uscc = randomUscc();
    for (let version = 1; version <= 20; version++) await grade(uscc, (['A', 'B', 'C', 'D'] as const)[version % 4], version);
    await waitFor('the last grade in the index', async () => index().standing(uscc, new Date())?.grade === 'A');
    // no later notification can bring an older state back
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(index().standing(uscc, new Date())?.grade).toBe('A');
  });

  it('lets a cancellation lapse at its end without being told', async () => {
    const uscc = randomUscc();
    const until = new Date(Date.now() + 1500);
    await otherReplica.query(
      `INSERT INTO approval.commitment_eligibility_cancellations (id, owner_uscc, commitment_id, application_id, reason, cancelled_at, until)
       VALUES ($1, $2, $3, $4, '承诺不实', now(), $5)`,
      [randomUUID(), uscc, randomUUID(), randomUUID(), until],
    );
    await waitFor('the cancellation in the index', async () => index().standing(uscc, new Date())?.actions[0].restricted);
    expect(index().standing(uscc, new Date(until.getTime() + 1))?.actions[0].restricted).toBe(false);
  });

  it('stops answering when its connection is lost, and answers again, caught up, once it is back', async () => {
    const pid = await waitFor('the LISTEN connection', listenerPid);
    const uscc = randomUscc();
    await otherReplica.query('SELECT pg_terminate_backend($1)', [pid]);
    await waitFor('the index to stand down', async () => index().standing(uscc, new Date()) === null);
    // written while nobody listens: only the reload can know it
    await grade(uscc, 'D', 1);
    expect((await app.get(CreditStandingService).of(uscc)).grade).toBe('D'); // from Postgres meanwhile
    await waitFor('the index to be current again', async () => index().standing(uscc, new Date())?.grade === 'D', { timeoutMs: 10000 });
    expect(await listenerPid()).not.toBe(pid);
  });
});
