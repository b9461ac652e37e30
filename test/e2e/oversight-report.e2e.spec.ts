import request from 'supertest';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { usedWorkingDays } from '@cityworks/calendar';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { EscalationEventTypes, oversightPeriodRange, OversightReportResult, Roles, Topics } from '@cityworks/contracts';
import { bearer, randomUscc, reformOffice, waitFor } from '@cityworks/testing';
import { seedApprovalItem } from '../../services/approval/testing/catalog-items.fixture';
import { ApprovalActivitiesImpl } from '../../services/approval/src/activities/approval.activities';
import { RunningServices, startRunningServices } from './support/running-services';

/**
 * The 工改办's monthly 通报 for a past month on demand, across the real services: applications
 * of that month imported into approval (迁移, their real dates), supervision tasks, commitments,
 * letters and rungs of that month in supervision's tables; POST /oversight-reports starts
 * oversightReportWorkflow (`oversight-report-monthly-<month>`), which gathers approval's and
 * supervision's figures through their activities and has supervision store, render and announce
 * the report once. The report must match what the databases hold for that month, the sample must
 * be drawn again from its recorded seed, and repeats must not make a second report. Temporal is
 * the time-skipping test server (it has no schedules: the schedules' test is
 * services/supervision/src/oversight-reports/oversight-schedules.int.spec.ts on the dev server).
 */
describe('oversight report for a past month on demand (end to end)', () => {
  let running: RunningServices;
  let approvalDb: DataSource;
  let supervisionDb: DataSource;

  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`.toUpperCase();
  const implementing = `OVR-SP-${run}`;
  const supervising = `OVR-JG-${run}`;
  const item = `OVR-${run}`;
  // a past month the item is in force in (from 2020), picked per run so runs do not share a report
  const year = 2020 + Math.floor(Math.random() * 6);
  const month = 1 + Math.floor(Math.random() * 12);
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const quarter = `${year}-Q${Math.ceil(month / 3)}`;
  const { from, to } = oversightPeriodRange('monthly', period);
  const day = (d: number, hour = 10) => new Date(Date.UTC(year, month - 1, d, hour - 8)).toISOString();

  const officer = bearer({ userId: 'spj-1', departmentCode: implementing, roles: [Roles.approvalOfficer] });

  beforeAll(async () => {
    running = await startRunningServices({ maxCachedWorkflows: 0 });
    approvalDb = running.approval.get(DataSource);
    supervisionDb = running.supervision.get(DataSource);
    // a report of this period left by an earlier run (and its workflow command) would answer for this one
    for (const kind of ['monthly', 'quarterly']) {
      const p = kind === 'monthly' ? period : quarter;
      await supervisionDb.query('DELETE FROM oversight_reports WHERE kind = $1 AND period = $2', [kind, p]);
      await supervisionDb.query('DELETE FROM workflow_commands WHERE workflow_id = $1', [`oversight-report-${kind}-${p}`]);
    }
    await seedApprovalItem(running.approval, { code: item, departmentCode: implementing, supervisingDepartmentCode: supervising, timeLimitWorkingDays: 7 });
  }, 300_000);

  afterAll(async () => {
    await running?.stop();
  });

  /** The applications of the month, imported with their real dates (迁移): two decided in time, one late. */
  const applications = [
    { ref: 'A', acceptedAt: day(2), decidedAt: day(4, 16) },
    { ref: 'B', acceptedAt: day(3), decidedAt: day(6, 16) },
    { ref: 'C', acceptedAt: day(1, 9), decidedAt: day(27, 16) },
  ];

  async function seedMonth(): Promise<Record<string, string>> {
    const imported = await request(running.approval.getHttpServer())
      .post('/applications/import')
      .set('authorization', reformOffice())
      .send({
        applications: applications.map((a) => ({
          sourceRef: `OVR-${run}-${a.ref}`,
          projectCode: `OVR-P-${run}-${a.ref}`,
          itemCode: item,
          departmentCode: implementing,
          regionCode: '210302',
          ownerUscc: randomUscc(),
          onCommitment: false,
          acceptedAt: a.acceptedAt,
          clockStops: [],
          decidedAt: a.decidedAt,
          decision: 'approved',
        })),
      });
    expect(imported.status).toBe(201);
    const ids: Record<string, string> = {};
    for (const a of applications)
      ids[a.ref] = (await approvalDb.query('SELECT application_id FROM application_imports WHERE source_ref = $1', [`OVR-${run}-${a.ref}`]))[0].application_id;
    // 不得违规暂停计时: two refused stops on the late one (an import carries only allowed stops)
    await approvalDb.query('UPDATE applications SET illegal_clock_stop_attempts = 2 WHERE id = $1', [ids.C]);

    // 监管结果反馈 due this month at the supervising department: on time, late, missing
    const task = (ref: string, dueAt: string, feedbackAt: string | null) =>
      supervisionDb.query(
        `INSERT INTO supervision_tasks (id, application_id, project_code, item_code, department_code, approving_department_code, region_code, owner_uscc,
           decision, on_commitment, status, due_at, workflow_id, feedback_outcome, feedback_at)
         VALUES ($1, $2, $3, $4, $5, $6, '210302', $7, 'approved', false, $8, $9, $10, $11, $12)`,
        [
          randomUUID(),
          `OVR-T-${run}-${ref}`,
          `OVR-P-${run}-${ref}`,
          item,
          supervising,
          implementing,
          randomUscc(),
          feedbackAt ? 'closed' : 'overdue',
          dueAt,
          `supervision-task-ovr-${run}-${ref}`,
          feedbackAt ? '已现场核查' : null,
          feedbackAt,
        ],
      );
    await task('1', day(10, 17), day(9));
    await task('2', day(12, 17), day(20));
    await task('3', day(14, 17), null);

    // 告知承诺核查 due this month: one verified in time, one not at all
    const commitment = (ref: string, dueAt: string, verifiedAt: string | null) =>
      supervisionDb.query(
        `INSERT INTO commitments (id, application_id, project_code, item_code, supervising_department_code, approving_department_code, region_code, owner_uscc,
           decided_at, verification_working_days, status, due_at, verified_at, workflow_id)
         VALUES ($1, $2, $3, $4, $5, $6, '210302', $7, $8, 20, $9, $10, $11, $12)`,
        [
          randomUUID(),
          `OVR-C-${run}-${ref}`,
          `OVR-P-${run}-${ref}`,
          item,
          supervising,
          implementing,
          randomUscc(),
          day(1),
          verifiedAt ? 'fulfilled' : 'awaiting-verification',
          dueAt,
          verifiedAt,
          `commitment-ovr-${run}-${ref}`,
        ],
      );
    await commitment('1', day(20, 17), day(18));
    await commitment('2', day(21, 17), null);

    // letters to the implementing department issued this month: a 提醒函 answered in time, a 督办函 never answered; and the rungs
    const office = `OVR-OFFICE-${run}`;
    const letter = async (kind: '提醒函' | '督办函', sequence: number, issuedAt: string, replyDueAt: string, repliedAt: string | null) => {
      const id = randomUUID();
      await supervisionDb.query(
        `INSERT INTO letters (id, claim_key, kind, year, sequence, number, office_code, office_name, office_short_name, office_department_code,
           addressee_department_code, addressee_name, obligation_kind, obligation_id, obligation_title, region_code, demanded_action,
           missed_due_at, reply_due_at, issued_at, status, received_at, replied_at, reply_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '铁东区工改办', '铁东工改办', 'AS-TD-GGB', $8, '行政审批局', 'application', $9, '施工许可', '210302', '办结',
           $10, $11, $12, $13, $14, $15, $16)`,
        [
          id,
          `application:${ids.C}:${kind}:${run}`,
          kind,
          year,
          sequence,
          `铁东工改办${kind === '提醒函' ? '提' : '督'}〔${year}〕${sequence}号`,
          office,
          implementing,
          ids.C,
          day(13, 17),
          replyDueAt,
          issuedAt,
          repliedAt ? 'replied' : 'received',
          issuedAt,
          repliedAt,
          repliedAt ? '已办结' : null,
        ],
      );
      return id;
    };
    const reminder = await letter('提醒函', 1, day(16), day(20, 17), day(19));
    const supervisionLetter = await letter('督办函', 1, day(21), day(24, 17), null);
    const step = (rung: '提醒函' | '督办函' | '通报', firedAt: string, letterId: string | null) =>
      supervisionDb.query(
        `INSERT INTO escalation_steps (id, claim_key, step, obligation_kind, obligation_id, obligation_title, department_code, region_code, due_at, letter_id, fired_at)
         VALUES ($1, $2, $3, 'application', $4, '施工许可', $5, '210302', $6, $7, $8)`,
        [randomUUID(), `application:${ids.C}:${rung}:${run}`, rung, ids.C, implementing, day(13, 17), letterId, firedAt],
      );
    await step('提醒函', day(16), reminder);
    await step('督办函', day(21), supervisionLetter);
    await step('通报', day(28), supervisionLetter);
    return ids;
  }

  const http = () => request(running.supervision.getHttpServer());
  const trigger = (body: object, token = reformOffice()) => http().post('/oversight-reports').set('authorization', token).send(body);

  /** What the databases hold for the month, counted directly, per department. */
  async function countedDirectly() {
    const rows = async (db: DataSource, sql: string) =>
      new Map(((await db.query(sql, [from, to])) as { code: string; n: string }[]).map((r) => [r.code, Number(r.n)]));
    return {
      decided: await rows(
        approvalDb,
        `SELECT department_code AS code, count(*) AS n FROM applications WHERE decided_at >= $1 AND decided_at < $2 AND terms IS NOT NULL GROUP BY 1`,
      ),
      tasksDue: await rows(supervisionDb, `SELECT department_code AS code, count(*) AS n FROM supervision_tasks WHERE due_at >= $1 AND due_at < $2 GROUP BY 1`),
      tasksOnTime: await rows(
        supervisionDb,
        `SELECT department_code AS code, count(*) AS n FROM supervision_tasks WHERE due_at >= $1 AND due_at < $2 AND feedback_at <= due_at GROUP BY 1`,
      ),
      lettersReceived: await rows(
        supervisionDb,
        `SELECT addressee_department_code AS code, count(*) AS n FROM letters WHERE issued_at >= $1 AND issued_at < $2 GROUP BY 1`,
      ),
      lettersAnswered: await rows(
        supervisionDb,
        `SELECT addressee_department_code AS code, count(*) AS n FROM letters WHERE issued_at >= $1 AND issued_at < $2 AND replied_at IS NOT NULL GROUP BY 1`,
      ),
      circulars: await rows(
        supervisionDb,
        `SELECT department_code AS code, count(*) AS n FROM escalation_steps WHERE fired_at >= $1 AND fired_at < $2 AND step = '通报' GROUP BY 1`,
      ),
      commitmentsVerifiedOnTime: await rows(
        supervisionDb,
        `SELECT supervising_department_code AS code, count(*) AS n FROM commitments
          WHERE COALESCE((checks->0->>'dueAt')::timestamptz, due_at) >= $1 AND COALESCE((checks->0->>'dueAt')::timestamptz, due_at) < $2
            AND verified_at <= COALESCE((checks->0->>'dueAt')::timestamptz, due_at) GROUP BY 1`,
      ),
    };
  }

  it('produces the month’s 通报 once, matching the obligations in the databases, with a PDF, an event and a sample drawn again from its seed', async () => {
    const ids = await seedMonth();

    // 工改办 only; the period must be of the kind and over
    await trigger({ kind: 'monthly', period }, officer).expect(403);
    expect((await trigger({ kind: 'quarterly', period }).expect(422)).body.message).toContain(`period ${period} is not a quarter`);
    expect((await trigger({ kind: 'monthly', period: '2099-01' }).expect(422)).body.message).toContain('has not ended yet');
    expect(JSON.stringify((await trigger({ kind: 'monthly', period: '2026-13' }).expect(400)).body)).toContain('period must be a month (YYYY-MM');

    const workflowId = `oversight-report-monthly-${period}`;
    const first = await trigger({ kind: 'monthly', period }).expect(202);
    expect(first.body).toEqual({ kind: 'monthly', period, workflowId, reportId: null });
    await trigger({ kind: 'monthly', period }).expect(202); // a repeat: the same workflow id, one start command
    expect((await supervisionDb.query('SELECT count(*)::int AS n FROM workflow_commands WHERE workflow_id = $1', [workflowId]))[0].n).toBe(1);

    const result: OversightReportResult = await waitFor(
      'the report workflow to finish',
      () =>
        running.env.client.workflow
          .getHandle(workflowId)
          .result()
          .catch(() => undefined),
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(result).toMatchObject({ kind: 'monthly', period, newlyPublished: true });

    const listed = await http().get('/oversight-reports').set('authorization', reformOffice()).query({ kind: 'monthly', period }).expect(200);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0]).toMatchObject({ id: result.reportId, kind: 'monthly', period, from: from.toISOString(), to: to.toISOString(), workflowId });
    await http().get('/oversight-reports').set('authorization', officer).expect(403);
    const report = (await http().get(`/oversight-reports/${result.reportId}`).set('authorization', reformOffice()).expect(200)).body;

    // every department of the report against the databases, counted directly
    const counted = await countedDirectly();
    const line = (code: string) => report.departments.find((d: { departmentCode: string }) => d.departmentCode === code);
    for (const d of report.departments) {
      expect([d.departmentCode, d.applications.decided]).toEqual([d.departmentCode, counted.decided.get(d.departmentCode) ?? 0]);
      expect([d.departmentCode, d.supervisionTasks.due, d.supervisionTasks.onTime]).toEqual([
        d.departmentCode,
        counted.tasksDue.get(d.departmentCode) ?? 0,
        counted.tasksOnTime.get(d.departmentCode) ?? 0,
      ]);
      expect([d.departmentCode, d.letters.received, d.letters.answered]).toEqual([
        d.departmentCode,
        counted.lettersReceived.get(d.departmentCode) ?? 0,
        counted.lettersAnswered.get(d.departmentCode) ?? 0,
      ]);
      expect([d.departmentCode, d.escalation.circulars]).toEqual([d.departmentCode, counted.circulars.get(d.departmentCode) ?? 0]);
      expect([d.departmentCode, d.commitments.verifiedOnTime]).toEqual([d.departmentCode, counted.commitmentsVerifiedOnTime.get(d.departmentCode) ?? 0]);
    }
    for (const [code, n] of counted.decided) expect([code, line(code)?.applications.decided]).toEqual([code, n]);
    for (const [code, n] of counted.lettersReceived) expect([code, line(code)?.letters.received]).toEqual([code, n]);

    // the implementing department's applications, timed with the service's calendar from the seeded dates
    const calendar = running.approval.get(ServiceCalendar).current;
    const used = applications.map((a) => usedWorkingDays(calendar, { startedAt: new Date(a.acceptedAt), endedAt: new Date(a.decidedAt), stops: [] }).used);
    const spj = line(implementing);
    expect(spj.applications).toEqual({
      decided: applications.length,
      decidedOnTime: used.filter((u) => u <= 7).length,
      decidedLate: used.filter((u) => u > 7).length,
      openOverdue: 0,
      averageUsedWorkingDays: Math.round((used.reduce((a, b) => a + b, 0) / used.length) * 100) / 100,
      maxUsedWorkingDays: Math.max(...used),
      illegalClockStopAttempts: 2,
    });
    expect(spj.applications.decidedLate).toBeGreaterThan(0);
    expect(spj.letters).toEqual({ received: 2, reminders: 1, supervisionLetters: 1, acknowledged: 2, answered: 1, answeredLate: 0, overdue: 1 });
    expect(spj.escalation).toEqual({ obligations: 1, warnings: 0, reminders: 1, supervisionLetters: 1, circulars: 1 });
    const jg = line(supervising);
    expect(jg.supervisionTasks).toEqual({ due: 3, onTime: 1, late: 2 });
    expect(jg.commitments).toEqual({ due: 2, verifiedOnTime: 1, notOnTime: 1 });
    expect(jg.obligations).toEqual({ onTime: 2, late: 3 });
    expect(report.weights).toBeNull();

    // the sample: applications decided in the month, drawn again from the recorded seed
    const sample = report.sample;
    expect(sample.size).toBe(10);
    const decidedInMonth = new Set(
      ((await approvalDb.query('SELECT id FROM applications WHERE decided_at >= $1 AND decided_at < $2', [from, to])) as { id: string }[]).map((r) => r.id),
    );
    expect(sample.populationSize).toBe(decidedInMonth.size);
    for (const drawn of sample.items) expect(decidedInMonth.has(drawn.applicationId)).toBe(true);
    expect(sample.items.length).toBe(Math.min(sample.size, decidedInMonth.size));
    expect(Object.values(ids).every((id) => decidedInMonth.has(id))).toBe(true);
    const again = await running.approval
      .get(ApprovalActivitiesImpl)
      .sampleFinishedApplications({ from: from.toISOString(), to: to.toISOString(), seed: sample.seed, size: sample.size });
    expect(again).toEqual(sample);

    // the PDF as stored, and report.published.v1 on escalation.events once, naming its digest
    const pdf = await http()
      .get(`/oversight-reports/${result.reportId}/pdf`)
      .set('authorization', reformOffice())
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', 'application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const events = (await supervisionDb.query('SELECT topic, envelope FROM outbox_events WHERE subject = $1 AND type = $2', [
      result.reportId,
      EscalationEventTypes.reportPublished,
    ])) as { topic: string; envelope: { data: { pdfSha256: string; period: string; sample: { seed: number } } } }[];
    expect(events).toHaveLength(1);
    expect(events[0].topic).toBe(Topics.escalation);
    expect(events[0].envelope.data).toMatchObject({ period, sample: { seed: sample.seed }, pdfSha256: createHash('sha256').update(pdf.body).digest('hex') });

    // a trigger after it was published stores no second start and names the report: still one
    const repeat = await trigger({ kind: 'monthly', period }).expect(202);
    expect(repeat.body.reportId).toBe(result.reportId);
    expect((await supervisionDb.query('SELECT count(*)::int AS n FROM oversight_reports WHERE kind = $1 AND period = $2', ['monthly', period]))[0].n).toBe(1);
  });

  it('scores the quarter of that month with the configured weights', async () => {
    const workflowId = `oversight-report-quarterly-${quarter}`;
    await trigger({ kind: 'quarterly', period: quarter }).expect(202);
    const result: OversightReportResult = await waitFor(
      'the quarterly workflow to finish',
      () =>
        running.env.client.workflow
          .getHandle(workflowId)
          .result()
          .catch(() => undefined),
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const report = (await http().get(`/oversight-reports/${result.reportId}`).set('authorization', reformOffice()).expect(200)).body;
    expect(report.weights).toMatchObject({ applications: 0.4, supervisionTasks: 0.3, commitments: 0.2, letters: 0.1 });
    expect(report.sample).toBeNull();
    const scores = report.departments.map((d: { score: { score: number } }) => d.score.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const jg = report.departments.find((d: { departmentCode: string }) => d.departmentCode === supervising);
    // tasks 1/3 and commitments 1/2 on time: (0.3×1/3 + 0.2×1/2) / 0.5 = 40
    expect(jg.score).toMatchObject({ score: 40, rates: { applications: null, supervisionTasks: 0.3333, commitments: 0.5, letters: null } });
  });
});
