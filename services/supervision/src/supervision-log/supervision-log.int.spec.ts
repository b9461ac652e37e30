import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { Roles } from '@cityworks/contracts';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';

jest.setTimeout(60_000);

/** 监管日志 against the real Postgres: every step with who and when, append-only down to the table. */
describe('supervision log (监管日志)', () => {
  let app: INestApplication;
  let db: DataSource;
  const inspector = bearer({ userId: 'zjj-insp-3', departmentCode: 'AS-ZJJ', roles: [Roles.inspector] });
  const other = bearer({ userId: 'hb-3', departmentCode: 'AS-HBJ', roles: [Roles.inspector] });
  const post = (url: string, body: object, token = inspector) => request(app.getHttpServer()).post(url).set('authorization', token).send(body);
  const get = (url: string, token = inspector) => request(app.getHttpServer()).get(url).set('authorization', token);
  const photo = Buffer.from('现场照片的内容');
  const attachment = { name: '现场照片-01.jpg', sha256: createHash('sha256').update(photo).digest('hex'), sizeBytes: photo.length };
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
  let actionId: string;

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    const res = await post('/supervision-actions/checks', {
      supervisionItemCode: 'JG-JZSG-001',
      subjectName: '鞍山市某建筑工程有限公司',
      subjectUscc: randomUscc(),
      regionCode: '210302',
      form: 'on-site',
      method: 'routine',
      checkedAt: minutesAgo(60),
      inspectors: [{ name: '王强', certificateNumber: '21030219001' }],
    }).expect(201);
    actionId = res.body.id;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('logs every step with who and when, from registration to report, in order', async () => {
    const shown = await post(`/supervision-actions/${actionId}/log`, {
      step: 'credentials-shown',
      at: minutesAgo(59),
      note: '出示执法证，告知检查事项',
    }).expect(201);
    expect(shown.body).toMatchObject({ seq: 2, step: 'credentials-shown', actorUserId: 'zjj-insp-3', actorDepartmentCode: 'AS-ZJJ', attachments: [] });
    await post(`/supervision-actions/${actionId}/log`, { step: 'evidence-collected', at: minutesAgo(30), attachments: [attachment] }).expect(201);
    await post(`/supervision-actions/${actionId}/report`, { result: 'no-problem' }).expect(200);

    const log = await get(`/supervision-actions/${actionId}/log`).expect(200);
    expect(log.body.entries.map((e: { seq: number; step: string }) => [e.seq, e.step])).toEqual([
      [1, 'registered'],
      [2, 'credentials-shown'],
      [3, 'evidence-collected'],
      [4, 'reported'],
    ]);
    expect(log.body.entries[2].attachments).toEqual([attachment]);
    for (const e of log.body.entries) expect(e.actorUserId).toBe('zjj-insp-3');
  });

  it('refuses bad steps with the rule named, writing nothing', async () => {
    const before = (await get(`/supervision-actions/${actionId}/log`).expect(200)).body.entries.length;
    expect(JSON.stringify((await post(`/supervision-actions/${actionId}/log`, { step: 'registered', at: minutesAgo(1) }).expect(400)).body)).toContain('step');
    const badHash = { ...attachment, sha256: attachment.sha256.toUpperCase() };
    expect(
      JSON.stringify((await post(`/supervision-actions/${actionId}/log`, { step: 'inspected', at: minutesAgo(1), attachments: [badHash] }).expect(400)).body),
    ).toContain('sha256');
    expect(
      JSON.stringify(
        (
          await post(`/supervision-actions/${actionId}/log`, { step: 'inspected', at: minutesAgo(1), attachments: [{ ...attachment, sizeBytes: -1 }] }).expect(
            400,
          )
        ).body,
      ),
    ).toContain('sizeBytes');
    expect((await post(`/supervision-actions/${actionId}/log`, { step: 'other', at: minutesAgo(1) }).expect(422)).body.message).toContain('note');
    expect(
      (await post(`/supervision-actions/${actionId}/log`, { step: 'inspected', at: new Date(Date.now() + 3600_000).toISOString() }).expect(422)).body.message,
    ).toContain('at must not be in the future');
    expect(
      (await post(`/supervision-actions/${actionId}/log`, { step: 'inspected', at: minutesAgo(1), attachments: [attachment, attachment] }).expect(422)).body
        .message,
    ).toContain('twice');
    expect((await get(`/supervision-actions/${actionId}/log`).expect(200)).body.entries).toHaveLength(before);
  });

  it('another department neither reads nor writes it', async () => {
    await get(`/supervision-actions/${actionId}/log`, other).expect(404);
    await post(`/supervision-actions/${actionId}/log`, { step: 'inspected', at: minutesAgo(1) }, other).expect(404);
  });

  it('has no update or delete path, and the table refuses one', async () => {
    await request(app.getHttpServer()).put(`/supervision-actions/${actionId}/log`).set('authorization', inspector).send({}).expect(405);
    await request(app.getHttpServer()).delete(`/supervision-actions/${actionId}/log`).set('authorization', inspector).expect(405);
    await expect(db.query(`UPDATE supervision_log_entries SET note = 'rewritten' WHERE action_id = $1`, [actionId])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM supervision_log_entries WHERE action_id = $1', [actionId])).rejects.toThrow(/append-only/);
  });
});
