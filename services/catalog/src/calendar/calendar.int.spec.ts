import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { addCalendarDays, statutoryHolidays, weekdayOf } from '@cityworks/calendar';
import { CatalogEventTypes, Roles } from '@cityworks/contracts';
import { bearer } from '@cityworks/testing';
import { api, officer, startCatalog } from '../../testing/kit';

describe('working-day calendar over HTTP', () => {
  let app: INestApplication;
  let db: DataSource;
  const as = () => api(app);
  /** a far year nobody has loaded, so this test owns it (and removes it afterwards) */
  let year: number;
  /** its first Saturday of March, worked in the test's arrangement */
  let saturday: string;
  /** a second reform-office user, to confirm what gongaiban-1 (the default caller) loads */
  const SECOND = bearer({ userId: 'gongaiban-2', departmentCode: 'GGB', roles: [Roles.reformOffice] });

  beforeAll(async () => {
    app = await startCatalog();
    db = app.get(DataSource);
    const taken = new Set(
      (await db.query('SELECT year FROM calendar_arrangements UNION SELECT year FROM calendar_arrangement_revisions')).map((r: any) => r.year),
    );
    do year = 2080 + Math.floor(Math.random() * 20);
    while (taken.has(year));
    saturday = `${year}-03-01`;
    while (weekdayOf(saturday) !== 6) saturday = addCalendarDays(saturday, 1);
  });
  afterAll(async () => {
    await db?.query('DELETE FROM calendar_arrangements WHERE year = $1', [year]);
    await db?.query('DELETE FROM calendar_arrangement_revisions WHERE year = $1', [year]);
    await app?.close();
  });

  it('knows the 2026 Spring Festival and National Day with their 调休 days', async () => {
    expect((await as().get('/calendar/days/2026-02-14').expect(200)).body).toEqual({
      date: '2026-02-14',
      working: true,
      name: '春节调休',
      source: 'official',
      provisional: false,
    });
    expect((await as().get('/calendar/days/2026-02-17').expect(200)).body).toMatchObject({ working: false, name: '春节' });
    expect((await as().get('/calendar/working-days-between').query({ from: '2026-02-13', to: '2026-03-02' }).expect(200)).body).toEqual({
      days: 7,
      provisional: false,
    });
    expect((await as().get('/calendar/add-working-days').query({ start: '2026-09-30', days: 3 }).expect(200)).body).toEqual({
      date: '2026-10-10',
      provisional: false,
    });
    expect((await as().get('/calendar/subtract-working-days').query({ date: '2026-10-08', days: 1 }).expect(200)).body).toEqual({
      date: '2026-09-30',
      provisional: false,
    });
    expect((await as().get('/calendar/due').query({ acceptedAt: '2026-09-30T10:00:00+08:00', limitDays: 1 }).expect(200)).body).toEqual({
      dueAt: '2026-10-08T15:59:59.999Z',
      dueDate: '2026-10-08',
      provisional: false,
    });
    const october = (await as().get('/calendar/days').query({ from: '2026-10-01', to: '2026-10-10' }).expect(200)).body;
    expect(october.filter((d: any) => d.working).map((d: any) => d.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('falls back to the statutory holidays for 2027 and marks what crosses it provisional', async () => {
    expect((await as().get('/calendar/add-working-days').query({ start: '2026-12-15', days: 20 }).expect(200)).body).toEqual({
      date: '2027-01-13',
      provisional: true,
    });
    expect((await as().get('/calendar/days/2027-02-09').expect(200)).body).toEqual({
      date: '2027-02-09',
      working: false,
      name: '春节补假',
      source: 'fallback',
      provisional: true,
    });
    const y2027 = (await as().get('/calendar/years/2027').expect(200)).body;
    expect(y2027.source).toBe('fallback');
    // 除夕 … 初三; 初一 and 初二 fall on the weekend, so two 补假 follow
    expect(y2027.holidays.filter((d: any) => d.name.startsWith('春节')).map((d: any) => d.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
  });

  /** The arrangement of the test's year: every statutory day off (with 补假), one Saturday worked in March. */
  const arrangementOf = (extraHolidays: { date: string; name: string }[] = []) => ({
    year,
    holidays: [...statutoryHolidays(year), ...extraHolidays],
    workdays: [{ date: saturday, name: '调休' }],
    sourceDocument: `国务院办公厅关于${year}年部分节假日安排的通知`,
  });
  const outboxSince = async (since: Date) =>
    (
      await db.query(`SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2 AND created_at >= $3 ORDER BY created_at`, [
        `calendar:${year}`,
        CatalogEventTypes.calendarArrangementLoaded,
        since,
      ])
    ).map((e: any) => e.envelope.data);
  /** 四眼原则: loaded by one reform-office user, confirmed by another */
  const loadAndConfirm = async (body: object) => {
    const { body: draft } = await as().post('/calendar/arrangements').send(body).expect(201);
    return (await api(app, SECOND).post(`/calendar/arrangements/${year}/drafts/${draft.draft}/confirm`).expect(201)).body;
  };

  it('holds a loaded arrangement as a draft until a second, different reform-office user confirms it, then announces it', async () => {
    // events of an earlier run that drew the same year stay in the outbox: count only this run's
    const [{ since }] = await db.query('SELECT now() AS since');
    expect((await as().get(`/calendar/days/${saturday}`).expect(200)).body).toMatchObject({ working: false, source: 'fallback', provisional: true });

    const arrangement = arrangementOf();
    await api(app, officer()).post('/calendar/arrangements').send(arrangement).expect(403);
    const { body: draft } = await as().post('/calendar/arrangements').send(arrangement).expect(201);
    expect(draft).toMatchObject({ year, status: 'draft', revision: null, baseRevision: null, proposedBy: 'gongaiban-1', confirmedBy: null });
    // a draft changes nothing and tells nobody
    expect((await as().get(`/calendar/days/${saturday}`).expect(200)).body).toMatchObject({ working: false, source: 'fallback' });
    await as().get(`/calendar/arrangements/${year}`).expect(404);
    expect(await outboxSince(since)).toEqual([]);
    expect((await api(app, officer()).get(`/calendar/arrangements/${year}/drafts`).expect(200)).body.map((d: any) => d.draft)).toEqual([draft.draft]);

    // the same user cannot confirm what they loaded; an officer cannot confirm at all
    const own = await as().post(`/calendar/arrangements/${year}/drafts/${draft.draft}/confirm`).expect(403);
    expect(own.body.message).toMatch(
      /^four-eyes rule \(四眼原则\): draft \d+ of \d+ was loaded by gongaiban-1; a second, different reform-office user must confirm it$/,
    );
    await api(app, officer()).post(`/calendar/arrangements/${year}/drafts/${draft.draft}/confirm`).expect(403);
    await as().post(`/calendar/arrangements/${year}/drafts/999999/confirm`).expect(404);
    expect(await outboxSince(since)).toEqual([]);

    const confirmed = await api(app, SECOND).post(`/calendar/arrangements/${year}/drafts/${draft.draft}/confirm`).expect(201);
    expect(confirmed.body).toMatchObject({ year, draft: draft.draft, status: 'confirmed', revision: 1, proposedBy: 'gongaiban-1', confirmedBy: 'gongaiban-2' });
    expect((await as().get(`/calendar/days/${saturday}`).expect(200)).body).toEqual({
      date: saturday,
      working: true,
      name: '调休',
      source: 'override',
      provisional: false,
    });
    expect((await as().get(`/calendar/years/${year}`).expect(200)).body).toMatchObject({ source: 'override', workdays: [{ date: saturday, name: '调休' }] });
    expect((await as().get(`/calendar/arrangements/${year}`).expect(200)).body).toMatchObject({
      revision: 1,
      loadedBy: 'gongaiban-1',
      confirmedBy: 'gongaiban-2',
      restoredFromRevision: null,
    });
    // once confirmed, a draft is no longer open
    await api(app, SECOND).post(`/calendar/arrangements/${year}/drafts/${draft.draft}/confirm`).expect(409);
    await as().del(`/calendar/arrangements/${year}/drafts/${draft.draft}`).expect(409);
    expect((await as().get(`/calendar/arrangements/${year}/drafts`).expect(200)).body).toEqual([]);

    // a correction (here the same days again) becomes revision 2
    expect(await loadAndConfirm(arrangement)).toMatchObject({ revision: 2, baseRevision: 1 });
    const events = await outboxSince(since);
    expect(events.map((e: any) => [e.revision, e.replacedFallback, e.restoredFromRevision])).toEqual([
      [1, true, null],
      [2, false, null],
    ]);
    expect(events[0].arrangement).toEqual({
      year,
      holidays: [...arrangement.holidays].sort((a, b) => a.date.localeCompare(b.date)),
      workdays: arrangement.workdays,
    });
  });

  it('discards a draft, and refuses a draft overtaken by another confirmation', async () => {
    const { body: first } = await as().post('/calendar/arrangements').send(arrangementOf()).expect(201);
    const { body: second } = await as().post('/calendar/arrangements').send(arrangementOf()).expect(201);
    expect(second.draft).toBe(first.draft + 1);
    const discarded = await api(app, SECOND).del(`/calendar/arrangements/${year}/drafts/${second.draft}`).expect(200);
    expect(discarded.body).toMatchObject({ status: 'discarded', discardedBy: 'gongaiban-2', revision: null });
    await api(app, SECOND).post(`/calendar/arrangements/${year}/drafts/${second.draft}/confirm`).expect(409);
    expect((await as().get(`/calendar/arrangements/${year}/drafts/${second.draft}`).expect(200)).body).toMatchObject({ status: 'discarded' });

    const { body: third } = await as().post('/calendar/arrangements').send(arrangementOf()).expect(201);
    const { body: confirmed } = await api(app, SECOND).post(`/calendar/arrangements/${year}/drafts/${third.draft}/confirm`).expect(201);
    // the first draft was made against the revision before: confirming it would silently undo the one just confirmed
    const stale = await api(app, SECOND).post(`/calendar/arrangements/${year}/drafts/${first.draft}/confirm`).expect(409);
    expect(stale.body.message).toContain(`revision ${confirmed.revision} has been confirmed since`);
    await as().del(`/calendar/arrangements/${year}/drafts/${first.draft}`).expect(200);
    await as().get(`/calendar/arrangements/${year}/drafts/abc`).expect(400);
    await as().get(`/calendar/arrangements/${year}/drafts/999999`).expect(404);
  });

  it('keeps every confirmed revision, and restores an earlier one under the same four eyes, announcing it again', async () => {
    // a Monday of March declared a day off in the newest revision
    let monday = `${year}-03-01`;
    while (weekdayOf(monday) !== 1) monday = addCalendarDays(monday, 1);
    const before = (await as().get(`/calendar/arrangements/${year}/revisions`).expect(200)).body;
    const restorable = before[before.length - 1].revision;
    const newest = await loadAndConfirm(arrangementOf([{ date: monday, name: '测试假日' }]));
    expect((await as().get(`/calendar/days/${monday}`).expect(200)).body).toMatchObject({ working: false, name: '测试假日' });

    const revisions = (await api(app, officer()).get(`/calendar/arrangements/${year}/revisions`).expect(200)).body;
    expect(revisions.map((r: any) => r.revision)).toEqual([...before.map((r: any) => r.revision), newest.revision]);
    expect(revisions.every((r: any) => r.status === 'confirmed' && r.confirmedBy === 'gongaiban-2')).toBe(true);
    expect((await as().get(`/calendar/arrangements/${year}/revisions/${restorable}`).expect(200)).body.holidays).not.toContainEqual({
      date: monday,
      name: '测试假日',
    });
    await as().get(`/calendar/arrangements/${year}/revisions/999999`).expect(404);

    const [{ since }] = await db.query('SELECT now() AS since');
    await api(app, officer()).post(`/calendar/arrangements/${year}/revisions/${restorable}/restore`).expect(403);
    const { body: restore } = await as().post(`/calendar/arrangements/${year}/revisions/${restorable}/restore`).expect(201);
    expect(restore).toMatchObject({ status: 'draft', restoredFromRevision: restorable, baseRevision: newest.revision, proposedBy: 'gongaiban-1' });
    // a restore is a change of the official calendar like any other: nothing moves before a second user confirms it
    expect((await as().get(`/calendar/days/${monday}`).expect(200)).body).toMatchObject({ working: false });
    await as().post(`/calendar/arrangements/${year}/drafts/${restore.draft}/confirm`).expect(403);
    expect(await outboxSince(since)).toEqual([]);

    const { body: restored } = await api(app, SECOND).post(`/calendar/arrangements/${year}/drafts/${restore.draft}/confirm`).expect(201);
    expect(restored).toMatchObject({ status: 'confirmed', revision: newest.revision + 1, restoredFromRevision: restorable });
    expect((await as().get(`/calendar/days/${monday}`).expect(200)).body).toEqual({ date: monday, working: true, source: 'override', provisional: false });
    expect((await as().get(`/calendar/arrangements/${year}`).expect(200)).body).toMatchObject({
      revision: restored.revision,
      restoredFromRevision: restorable,
    });
    const [event] = await outboxSince(since);
    const earlier = (await as().get(`/calendar/arrangements/${year}/revisions/${restorable}`).expect(200)).body;
    expect(event).toMatchObject({ year, revision: restored.revision, restoredFromRevision: restorable, replacedFallback: false });
    expect(event.arrangement).toEqual({ year, holidays: earlier.holidays, workdays: earlier.workdays });

    // its days are in force now: restoring it again would change nothing
    await as().post(`/calendar/arrangements/${year}/revisions/${restorable}/restore`).expect(409);
    await as().post(`/calendar/arrangements/${year}/revisions/999999/restore`).expect(404);
  });

  it('refuses an arrangement that breaks the statutory holidays, naming the field and the rule, and writes nothing', async () => {
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM calendar_arrangement_revisions WHERE year = 2027'))[0].n);
    const before = await count();
    // the fuzzed arrangement: one day of 春节, no 元旦
    const fuzzed = await as()
      .post('/calendar/arrangements')
      .send({ year: 2027, holidays: [{ date: '2027-02-06', name: '春节' }], workdays: [] })
      .expect(400);
    expect(fuzzed.body.errors).toContainEqual({
      field: 'holidays',
      rules: {
        statutoryHoliday:
          'holidays must include 2027-01-01 (元旦, 全国年节及纪念日放假办法 第二条), one of the 13 statutory days off of 2027 under its 2024年修订 (国务院令第795号)',
      },
    });
    expect(fuzzed.body.message).toContain('holidays must include 2027-01-01 (元旦, 全国年节及纪念日放假办法 第二条)');
    // 春节 with three days only: 除夕 (2027-02-05) is missing
    const statutory2027 = statutoryHolidays(2027).filter((d) => d.date !== '2027-02-05');
    const threeDays = await as().post('/calendar/arrangements').send({ year: 2027, holidays: statutory2027, workdays: [] }).expect(400);
    expect(threeDays.body.errors.map((e: any) => [e.field, Object.keys(e.rules)[0]])).toEqual([['holidays', 'statutoryHoliday']]);
    expect(threeDays.body.message).toMatch(/^holidays must include 2027-02-05 \(春节, 全国年节及纪念日放假办法 第二条\)/);
    expect(await count()).toBe(before);
  });

  it('declares every arrangement operation with its answers in the OpenAPI document', async () => {
    const { paths } = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
    const operations = Object.entries(paths as Record<string, Record<string, any>>)
      .filter(([path]) => path.startsWith('/calendar/arrangements'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          op: `${method.toUpperCase()} ${path}`,
          statuses: Object.keys(op.responses).sort(),
          schema: !!(op.responses['200'] ?? op.responses['201'])?.content,
        })),
      );
    expect(operations.map((o) => o.op).sort()).toEqual([
      'DELETE /calendar/arrangements/{year}/drafts/{draft}',
      'GET /calendar/arrangements',
      'GET /calendar/arrangements/{year}',
      'GET /calendar/arrangements/{year}/drafts',
      'GET /calendar/arrangements/{year}/drafts/{draft}',
      'GET /calendar/arrangements/{year}/revisions',
      'GET /calendar/arrangements/{year}/revisions/{revision}',
      'POST /calendar/arrangements',
      'POST /calendar/arrangements/{year}/drafts/{draft}/confirm',
      'POST /calendar/arrangements/{year}/revisions/{revision}/restore',
    ]);
    for (const o of operations) {
      expect({ op: o.op, schema: o.schema, has401and403: ['401', '403'].every((s) => o.statuses.includes(s)) }).toEqual({
        op: o.op,
        schema: true,
        has401and403: true,
      });
    }
    const statuses = (op: string) => operations.find((o) => o.op === op)?.statuses;
    expect(statuses('POST /calendar/arrangements/{year}/drafts/{draft}/confirm')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409']));
    expect(statuses('POST /calendar/arrangements/{year}/revisions/{revision}/restore')).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '409']),
    );
    expect(statuses('DELETE /calendar/arrangements/{year}/drafts/{draft}')).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
    expect(statuses('POST /calendar/arrangements')).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
    // the four-eyes refusal is said where it can happen
    const confirm = paths['/calendar/arrangements/{year}/drafts/{draft}/confirm'].post;
    expect(confirm.responses['403'].description).toContain('四眼原则');
    expect(confirm.parameters.find((p: any) => p.name === 'draft').schema).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('refuses a malformed arrangement and nonsense questions with 400', async () => {
    const bad = await as()
      .post('/calendar/arrangements')
      .send({
        year: 2031,
        holidays: [...statutoryHolidays(2031), { date: '2030-12-31', name: 'x' }],
        workdays: [
          { date: '2031-01-01', name: '调休' },
          { date: '2031-01-07', name: '调休' },
        ],
      })
      .expect(400);
    const last = statutoryHolidays(2031).length;
    expect(bad.body.errors.map((e: any) => [e.field, Object.keys(e.rules)[0]])).toEqual([
      [`holidays.${last}.date`, 'inYear'],
      ['workdays.0.date', 'notBothHolidayAndWorkday'],
      ['workdays.0.date', 'isWeekend'],
      ['workdays.1.date', 'isWeekend'],
    ]);
    await as().get('/calendar/arrangements/2031').expect(404);
    await as().get('/calendar/arrangements/2031/revisions/0').expect(400);
    expect((await as().get('/calendar/arrangements/2031/revisions').expect(200)).body).toEqual([]);
    await as().get('/calendar/days/2026-02-30').expect(400);
    await as().get('/calendar/add-working-days').query({ start: '2026-01-01', days: -1 }).expect(400);
    await as().get('/calendar/add-working-days').query({ start: '2026-01-01', days: 'x' }).expect(400);
    await as().get('/calendar/due').query({ acceptedAt: 'yesterday', limitDays: 5 }).expect(400);
    await as().get('/calendar/days').query({ from: '2026-01-01', to: '2027-06-01' }).expect(400);
  });
});
