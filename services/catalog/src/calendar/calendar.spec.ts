import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addCalendarDays, weekdayOf } from '@cityworks/calendar';
import { CatalogEventTypes } from '@cityworks/contracts';
import { api, officer, startCatalog } from '../__tests__/kit';

describe('working-day calendar over HTTP', () => {
  let app: INestApplication;
  let db: DataSource;
  const as = () => api(app);
  /** a far year nobody has loaded, so this test owns it (and removes it afterwards) */
  let year: number;

  beforeAll(async () => {
    app = await startCatalog();
    db = app.get(DataSource);
    const taken = new Set((await db.query('SELECT year FROM calendar_arrangements')).map((r: any) => r.year));
    do year = 2080 + Math.floor(Math.random() * 20);
    while (taken.has(year));
  });
  afterAll(async () => {
    await db?.query('DELETE FROM calendar_arrangements WHERE year = $1', [year]);
    await app?.close();
  });

  it('knows the 2026 Spring Festival and National Day with their 调休 days', async () => {
    expect((await as().get('/calendar/days/2026-02-14').expect(200)).body).toEqual({ date: '2026-02-14', working: true, name: '春节调休', source: 'official', provisional: false });
    expect((await as().get('/calendar/days/2026-02-17').expect(200)).body).toMatchObject({ working: false, name: '春节' });
    expect((await as().get('/calendar/working-days-between').query({ from: '2026-02-13', to: '2026-03-02' }).expect(200)).body).toEqual({ days: 7, provisional: false });
    expect((await as().get('/calendar/add-working-days').query({ start: '2026-09-30', days: 3 }).expect(200)).body).toEqual({ date: '2026-10-10', provisional: false });
    expect((await as().get('/calendar/subtract-working-days').query({ date: '2026-10-08', days: 1 }).expect(200)).body).toEqual({ date: '2026-09-30', provisional: false });
    expect((await as().get('/calendar/due').query({ acceptedAt: '2026-09-30T10:00:00+08:00', limitDays: 1 }).expect(200)).body).toEqual({
      dueAt: '2026-10-08T15:59:59.999Z',
      dueDate: '2026-10-08',
      provisional: false,
    });
    const october = (await as().get('/calendar/days').query({ from: '2026-10-01', to: '2026-10-10' }).expect(200)).body;
    expect(october.filter((d: any) => d.working).map((d: any) => d.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('falls back to the statutory holidays for 2027 and marks what crosses it provisional', async () => {
    expect((await as().get('/calendar/add-working-days').query({ start: '2026-12-15', days: 20 }).expect(200)).body).toEqual({ date: '2027-01-13', provisional: true });
    expect((await as().get('/calendar/days/2027-02-09').expect(200)).body).toEqual({ date: '2027-02-09', working: false, name: '春节补假', source: 'fallback', provisional: true });
    const y2027 = (await as().get('/calendar/years/2027').expect(200)).body;
    expect(y2027.source).toBe('fallback');
    // 除夕 … 初三; 初一 and 初二 fall on the weekend, so two 补假 follow
    expect(y2027.holidays.filter((d: any) => d.name.startsWith('春节')).map((d: any) => d.date)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']);
  });

  it('lets the reform office load an arrangement that takes precedence, and announces it', async () => {
    // events of an earlier run that drew the same year stay in the outbox: count only this run's
    const [{ since }] = await db.query('SELECT now() AS since');
    let saturday = `${year}-03-01`;
    while (weekdayOf(saturday) !== 6) saturday = addCalendarDays(saturday, 1);
    expect((await as().get(`/calendar/days/${saturday}`).expect(200)).body).toMatchObject({ working: false, source: 'fallback', provisional: true });

    const arrangement = { year, holidays: [{ date: `${year}-01-01`, name: '元旦' }], workdays: [{ date: saturday, name: '调休' }], sourceDocument: `国务院办公厅关于${year}年部分节假日安排的通知` };
    await api(app, officer()).post('/calendar/arrangements').send(arrangement).expect(403);
    const loaded = await as().post('/calendar/arrangements').send(arrangement).expect(201);
    expect(loaded.body).toMatchObject({ year, revision: 1 });
    expect((await as().get(`/calendar/days/${saturday}`).expect(200)).body).toEqual({ date: saturday, working: true, name: '调休', source: 'override', provisional: false });
    expect((await as().get(`/calendar/years/${year}`).expect(200)).body).toMatchObject({ source: 'override', workdays: [{ date: saturday, name: '调休' }] });

    await as().post('/calendar/arrangements').send(arrangement).expect(201);
    const events = await db.query(`SELECT envelope FROM outbox_events WHERE subject = $1 AND type = $2 AND created_at >= $3 ORDER BY created_at`, [
      `calendar:${year}`,
      CatalogEventTypes.calendarArrangementLoaded,
      since,
    ]);
    expect(events.map((e: any) => [e.envelope.data.revision, e.envelope.data.replacedFallback])).toEqual([[1, true], [2, false]]);
    expect(events[0].envelope.data.arrangement).toEqual({ year, holidays: arrangement.holidays, workdays: arrangement.workdays });
  });

  it('refuses a malformed arrangement and nonsense questions with 400', async () => {
    const bad = await as()
      .post('/calendar/arrangements')
      .send({ year: 2031, holidays: [{ date: '2031-01-01', name: '元旦' }, { date: '2030-12-31', name: 'x' }], workdays: [{ date: '2031-01-01', name: '调休' }, { date: '2031-01-07', name: '调休' }] })
      .expect(400);
    expect(bad.body.errors.map((e: any) => [e.field, Object.keys(e.rules)[0]])).toEqual([
      ['holidays.1.date', 'inYear'],
      ['workdays.0.date', 'unique'],
      ['workdays.0.date', 'isWeekend'],
      ['workdays.1.date', 'isWeekend'],
    ]);
    await as().get('/calendar/arrangements/2031').expect(404);
    await as().get('/calendar/days/2026-02-30').expect(400);
    await as().get('/calendar/add-working-days').query({ start: '2026-01-01', days: -1 }).expect(400);
    await as().get('/calendar/add-working-days').query({ start: '2026-01-01', days: 'x' }).expect(400);
    await as().get('/calendar/due').query({ acceptedAt: 'yesterday', limitDays: 5 }).expect(400);
    await as().get('/calendar/days').query({ from: '2026-01-01', to: '2027-06-01' }).expect(400);
  });
});
