import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SupervisionDepartmentFigures } from '@cityworks/contracts';

type Row = Record<string, string | number>;
const n = (value: string | number | undefined) => Number(value ?? 0);

/**
 * Supervision's figures of a period, counted in this service's tables: 监管结果反馈 tasks
 * (`supervision_tasks`), 告知承诺核查 (`commitments`), letters, the escalation ledger and upheld
 * complaints about a department's conduct (`conduct_complaints`). Each
 * obligation belongs to the period its deadline falls in; letters and rungs to the period they
 * were issued or fired in. Counted in SQL so a month of a large city is one query per table.
 */
@Injectable()
export class OversightFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byDepartment(from: Date, to: Date, asOf: Date): Promise<SupervisionDepartmentFigures[]> {
    const [tasks, commitments, letters, steps, complaints] = await Promise.all([
      this.dataSource.query(
        `SELECT department_code AS code, count(*) AS due,
                count(*) FILTER (WHERE feedback_at IS NOT NULL AND feedback_at <= due_at) AS on_time
           FROM supervision_tasks WHERE due_at >= $1 AND due_at < $2 GROUP BY department_code`,
        [from, to],
      ) as Promise<Row[]>,
      // the verification deadline is the first check's (due_at moves on to a re-check's once checked)
      this.dataSource.query(
        `SELECT supervising_department_code AS code, count(*) AS due,
                count(*) FILTER (WHERE verified_at IS NOT NULL AND verified_at <= deadline) AS on_time
           FROM (SELECT supervising_department_code, verified_at, COALESCE((checks->0->>'dueAt')::timestamptz, due_at) AS deadline FROM commitments) c
          WHERE deadline >= $1 AND deadline < $2 GROUP BY supervising_department_code`,
        [from, to],
      ) as Promise<Row[]>,
      this.dataSource.query(
        `SELECT addressee_department_code AS code, count(*) AS received,
                count(*) FILTER (WHERE kind = '提醒函') AS reminders,
                count(*) FILTER (WHERE kind = '督办函') AS supervision_letters,
                count(*) FILTER (WHERE received_at IS NOT NULL) AS acknowledged,
                count(*) FILTER (WHERE replied_at IS NOT NULL) AS answered,
                count(*) FILTER (WHERE replied_at > reply_due_at) AS answered_late,
                count(*) FILTER (WHERE replied_at > reply_due_at OR (replied_at IS NULL AND reply_due_at < $3)) AS overdue
           FROM letters WHERE issued_at >= $1 AND issued_at < $2 GROUP BY addressee_department_code`,
        [from, to, asOf],
      ) as Promise<Row[]>,
      this.dataSource.query(
        `SELECT department_code AS code, count(DISTINCT (obligation_kind, obligation_id)) AS obligations,
                count(*) FILTER (WHERE step = '预警') AS warnings,
                count(*) FILTER (WHERE step = '提醒函') AS reminders,
                count(*) FILTER (WHERE step = '督办函') AS supervision_letters,
                count(*) FILTER (WHERE step = '通报') AS circulars
           FROM escalation_steps WHERE fired_at >= $1 AND fired_at < $2 GROUP BY department_code`,
        [from, to],
      ) as Promise<Row[]>,
      this.dataSource.query(
        `SELECT department_code AS code, count(*) AS upheld FROM conduct_complaints WHERE upheld_at >= $1 AND upheld_at < $2 GROUP BY department_code`,
        [from, to],
      ) as Promise<Row[]>,
    ]);
    const index = (rows: Row[]) => new Map(rows.map((row) => [String(row.code), row]));
    const [t, c, l, e, k] = [index(tasks), index(commitments), index(letters), index(steps), index(complaints)];
    const codes = [...new Set([...t.keys(), ...c.keys(), ...l.keys(), ...e.keys(), ...k.keys()])].sort();
    return codes.map((departmentCode) => {
      const task = t.get(departmentCode) ?? {};
      const commitment = c.get(departmentCode) ?? {};
      const letter = l.get(departmentCode) ?? {};
      const step = e.get(departmentCode) ?? {};
      return {
        departmentCode,
        tasks: { due: n(task.due), onTime: n(task.on_time), late: n(task.due) - n(task.on_time) },
        commitments: { due: n(commitment.due), verifiedOnTime: n(commitment.on_time), notOnTime: n(commitment.due) - n(commitment.on_time) },
        letters: {
          received: n(letter.received),
          reminders: n(letter.reminders),
          supervisionLetters: n(letter.supervision_letters),
          acknowledged: n(letter.acknowledged),
          answered: n(letter.answered),
          answeredLate: n(letter.answered_late),
          overdue: n(letter.overdue),
        },
        escalation: {
          obligations: n(step.obligations),
          warnings: n(step.warnings),
          reminders: n(step.reminders),
          supervisionLetters: n(step.supervision_letters),
          circulars: n(step.circulars),
        },
        conductComplaintsUpheld: n(k.get(departmentCode)?.upheld),
      };
    });
  }
}
