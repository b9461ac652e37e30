import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@cityworks/calendar';
import { EscalationEventTypes, IssuedLetter, Roles, Topics } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, reformOffice, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { SupervisionActivitiesImpl } from '../activities/supervision.activities';
import { escalationFixture } from '../../testing/escalation.fixture';
import { pdfText } from '../../testing/pdf-text';

/**
 * 提醒函 / 督办函 against the real Postgres: issued through the activity as the ladder calls it,
 * numbered without gaps under concurrency, claimed once, read, received and answered over HTTP.
 */
describe('letters', () => {
  let app: INestApplication;
  let db: DataSource;
  let activities: SupervisionActivitiesImpl;
  const f = escalationFixture();
  const year = Number(chinaDateOf(new Date()).slice(0, 4));

  const addressee = bearer({ userId: 'spj-1', departmentCode: f.departments.approval, roles: [Roles.approvalOfficer] });
  const outsider = bearer({ userId: 'zjj-1', departmentCode: f.departments.housing, roles: [Roles.supervisionOfficer] });
  const auditor = bearer({ userId: 'audit-1', departmentCode: 'SJJ', roles: [Roles.auditor] });
  const http = () => request(app.getHttpServer());
  const get = (url: string, token = addressee) => http().get(url).set('authorization', token);
  const post = (url: string, token = addressee) => http().post(url).set('authorization', token);
  const outbox = (subject: string, type: string) =>
    db.query('SELECT topic, envelope FROM outbox_events WHERE subject = $1 AND type = $2', [subject, type]) as Promise<
      { topic: string; envelope: { data: unknown } }[]
    >;

  // only Postgres is needed here: no consumer, relay or worker of this app competes with the
  // suites that test delivery through Kafka and Temporal against the same schema
  const quiet = ['TEMPORAL_WORKER_ENABLED', 'EVENT_CONSUMER_ENABLED', 'OUTBOX_RELAY_ENABLED', 'WORKFLOW_COMMAND_RELAY_ENABLED'];

  beforeAll(async () => {
    isolateKafkaConsumers();
    for (const name of quiet) process.env[name] = 'false';
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    activities = app.get(SupervisionActivitiesImpl);
  });

  afterAll(async () => {
    for (const name of quiet) delete process.env[name];
    await app?.close();
  });

  it('issues a numbered 督办函 copied to the 工改办, stores its PDF, records the rung and announces it', async () => {
    const input = f.letter({ kind: '督办函', office: { ...f.office, code: `${f.office.code}-A`, shortName: `${f.office.shortName}A` } });
    const issued = await activities.issueLetter(input);
    expect(issued).toEqual({ letterId: expect.any(String), number: `${f.office.shortName}A督〔${year}〕1号`, replyDueAt: input.replyDueAt, newlyIssued: true });

    const letter = (await get(`/letters/${issued.letterId}`).expect(200)).body;
    expect(letter).toMatchObject({
      number: issued.number,
      kind: '督办函',
      status: 'issued',
      addressee: { departmentCode: f.departments.approval, name: '测试区行政审批局' },
      copyTo: { departmentCode: f.office.departmentCode, name: f.office.name },
      obligation: { kind: 'application', id: input.obligation.id, projectCode: `P-${f.run}`, itemCode: 'JS-SGXK-001' },
      demandedAction: '作出审批决定并办结',
      late: false,
    });

    const pdf = await get(`/letters/${issued.letterId}/pdf`).buffer(true).parse(binary).expect(200).expect('content-type', 'application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(issued.number)}.pdf`);
    expect(pdfText(bytes)).toContain(issued.number);
    expect(pdfText(bytes).join('')).toContain(`关于督促办理项目 P-${f.run}「建筑工程施工许可证核发」办件的督办函`);

    const [step] = await db.query('SELECT step, letter_id, department_code, due_at FROM escalation_steps WHERE claim_key = $1', [input.claimKey]);
    expect(step).toMatchObject({ step: '督办函', letter_id: issued.letterId, department_code: f.departments.approval });
    expect(step.due_at.toISOString()).toBe(input.missedDueAt);
    const events = await outbox(issued.letterId, EscalationEventTypes.letterIssued);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: Topics.escalation, envelope: { data: { number: issued.number, copyToDepartmentCode: f.office.departmentCode } } });
    const audits = await db.query(`SELECT action, after FROM audit_log WHERE resource_id = $1 ORDER BY seq`, [issued.letterId]);
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['letter.issued', 'letter.document-stored']);
    expect(audits[1].after.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('numbers 50 letters issued at once by one office 1…50, no gaps, no duplicates', async () => {
    const office = { ...f.office, code: `${f.office.code}-B`, shortName: `${f.office.shortName}B` };
    const issued = await Promise.all(Array.from({ length: 50 }, () => activities.issueLetter(f.letter({ office }))));
    const sequences = issued.map((l) => Number(/〔\d{4}〕(\d+)号$/.exec(l.number)?.[1])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(issued.map((l) => l.number)).size).toBe(50);
    expect(issued.every((l) => l.newlyIssued && l.number.startsWith(`${office.shortName}提〔${year}〕`))).toBe(true);
    // the other kind counts on its own
    expect((await activities.issueLetter(f.letter({ office, kind: '督办函' }))).number).toBe(`${office.shortName}督〔${year}〕1号`);
  }, 120_000);

  it('issues once per claim key, however often and however concurrently it is asked', async () => {
    const office = { ...f.office, code: `${f.office.code}-C`, shortName: `${f.office.shortName}C` };
    const input = f.letter({ office });
    const first = await activities.issueLetter(input);
    expect(await activities.issueLetter(input)).toEqual({ ...first, newlyIssued: false });

    const racing = f.letter({ office });
    const answers: IssuedLetter[] = await Promise.all(Array.from({ length: 6 }, () => activities.issueLetter(racing)));
    expect(answers.filter((a) => a.newlyIssued)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.letterId)).size).toBe(1);
    expect(answers[0].number).toBe(`${office.shortName}提〔${year}〕2号`);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM letters WHERE claim_key = $1', [racing.claimKey]);
    expect(n).toBe(1);
    // the same key asking for another letter is the caller's bug, refused for good
    await expect(activities.issueLetter({ ...input, kind: '督办函' })).rejects.toMatchObject({ kind: 'rule' });
  });

  it('leaves no gap when an issue fails: its number goes to the next letter', async () => {
    const office = { ...f.office, code: `${f.office.code}-D`, shortName: `${f.office.shortName}D` };
    expect((await activities.issueLetter(f.letter({ office }))).number).toBe(`${office.shortName}提〔${year}〕1号`);
    const refused = f.letter({ office, replyDueAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    await expect(activities.issueLetter(refused)).rejects.toMatchObject({ kind: 'rule', message: expect.stringContaining('replyDueAt') });
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM escalation_steps WHERE claim_key = $1', [refused.claimKey]);
    expect(n).toBe(0);
    expect((await activities.issueLetter(f.letter({ office }))).number).toBe(`${office.shortName}提〔${year}〕2号`);
  });

  it('names the 提醒函 a 督办函 follows', async () => {
    const obligation = f.obligation();
    const reminder = await activities.issueLetter(f.letter({ obligation, kind: '提醒函' }));
    const escalation = await activities.issueLetter(f.letter({ obligation, kind: '督办函' }));
    const letter = (await get(`/letters/${escalation.letterId}`).expect(200)).body;
    expect(letter.follows).toMatchObject({ letterId: reminder.letterId, number: reminder.number });
  });

  it('refuses activity input that cannot be a letter, naming the field, without retry', async () => {
    const input = f.letter();
    await expect(activities.issueLetter({ ...input, kind: '通知' as never })).rejects.toMatchObject({
      status: 400,
      response: { errors: [expect.objectContaining({ field: 'kind' })] },
    });
    await expect(activities.issueLetter({ ...input, office: { ...input.office, shortName: '有 空格' } })).rejects.toMatchObject({
      response: { errors: [expect.objectContaining({ field: 'office.shortName' })] },
    });
    await expect(activities.issueLetter({ ...input, replyDueAt: 'next week' })).rejects.toMatchObject({
      response: { errors: [expect.objectContaining({ field: 'replyDueAt' })] },
    });
  });

  it('is received and answered once, by the addressee alone; the others see 404, the 工改办 403', async () => {
    const { letterId, number } = await activities.issueLetter(f.letter());
    await get(`/letters/${letterId}`, outsider).expect(404);
    await get(`/letters/${letterId}/pdf`, outsider).expect(404);
    await post(`/letters/${letterId}/receipt`, outsider).expect(404);
    await get(`/letters/${letterId}`, reformOffice()).expect(200);
    await get(`/letters/${letterId}`, auditor).expect(200);
    await post(`/letters/${letterId}/receipt`, reformOffice()).expect(403);
    await post(`/letters/${letterId}/receipt`, auditor).expect(403);

    const received = (await post(`/letters/${letterId}/receipt`).expect(200)).body;
    expect(received).toMatchObject({ status: 'received', receivedBy: 'spj-1' });
    await post(`/letters/${letterId}/receipt`).expect(409);

    const blank = await post(`/letters/${letterId}/reply`).send({ text: '   ' }).expect(422);
    expect(blank.body.message).toContain('text');
    const badUri = await post(`/letters/${letterId}/reply`)
      .send({ text: '已办结', attachments: [{ name: '决定书', uri: 'not a uri' }] })
      .expect(400);
    expect(badUri.body.errors[0].field).toBe('attachments.0.uri');
    await post(`/letters/${letterId}/reply`, reformOffice()).send({ text: '代为回复' }).expect(403);

    const attachments = [{ name: '准予行政许可决定书.pdf', uri: 'https://files.example.gov.cn/decisions/1.pdf' }];
    const replied = (await post(`/letters/${letterId}/reply`).send({ text: '已作出准予许可决定并办结。', attachments }).expect(200)).body;
    expect(replied).toMatchObject({
      status: 'replied',
      replyText: '已作出准予许可决定并办结。',
      replyAttachments: attachments,
      late: false,
      repliedBy: 'spj-1',
    });
    await post(`/letters/${letterId}/reply`).send({ text: 'again' }).expect(409);
    await post(`/letters/${letterId}/receipt`).expect(409);

    expect(await outbox(letterId, EscalationEventTypes.letterReceived)).toHaveLength(1);
    const [repliedEvent] = await outbox(letterId, EscalationEventTypes.letterReplied);
    expect(repliedEvent.envelope.data).toMatchObject({ number, late: false, attachments });
  });

  it('lists the addressee its own letters, filtered by status (overdue read off the deadline), kind and day', async () => {
    const late = await activities.issueLetter(
      f.letter({ missedDueAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), replyDueAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    const pending = await activities.issueLetter(f.letter({ kind: '督办函' }));
    const list = (query: Record<string, string | number>, token = addressee) =>
      get('/letters', token)
        .query({ pageSize: 200, ...query })
        .expect(200)
        .then((r) => r.body as { items: { id: string; status: string; kind: string }[]; total: number });

    const overdue = await list({ status: 'overdue', departmentCode: f.departments.approval });
    expect(overdue.items.map((l) => l.id)).toContain(late.letterId);
    expect(overdue.items.map((l) => l.id)).not.toContain(pending.letterId);
    expect((await get(`/letters/${late.letterId}`).expect(200)).body).toMatchObject({ status: 'overdue', late: true });
    const issued = await list({ status: 'issued', kind: '督办函' });
    expect(issued.items.map((l) => l.id)).toContain(pending.letterId);
    expect(issued.items.every((l) => l.kind === '督办函' && l.status === 'issued')).toBe(true);

    const today = chinaDateOf(new Date());
    expect((await list({ from: today, to: today })).items.map((l) => l.id)).toContain(pending.letterId);
    expect((await list({ to: '2020-01-01' })).total).toBe(0);
    const backwards = await get('/letters').query({ from: '2026-12-31', to: '2026-12-01' }).expect(400);
    expect(backwards.body.errors[0]).toMatchObject({ field: 'to', rules: { notBeforeFrom: expect.any(String) } });
    await get('/letters').query({ status: 'lost' }).expect(400);
    await get('/letters').query({ from: '2026-02-30' }).expect(400);

    // another department sees none of them, even asking for them by department
    expect((await list({ departmentCode: f.departments.approval }, outsider)).total).toBe(0);
    expect((await list({ departmentCode: f.departments.approval }, reformOffice())).items.map((l) => l.id)).toContain(late.letterId);
  });
});

/** supertest's parser for a binary body (the response is the node stream underneath). */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
