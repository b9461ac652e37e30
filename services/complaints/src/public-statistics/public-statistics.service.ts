import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startOfChinaDay } from '@cityworks/calendar';
import { PublicComplaintStatisticsQuery, PublicComplaintStatisticsRow, PublicComplaintStatisticsView } from './public-statistics.dto';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 有诉必应 per department for anyone (一公开): counts and the satisfaction rate only — no
 * complaint, complainant, category or text ever leaves through here.
 */
@Injectable()
export class PublicStatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async perDepartment(query: PublicComplaintStatisticsQuery): Promise<PublicComplaintStatisticsView> {
    const { year, month } = query;
    const first = `${year}-${pad(month ?? 1)}-01`;
    const next = month ? (month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`) : `${year + 1}-01-01`;
    const rows: { departmentCode: string; received: number; answeredOnTime: number; answeredLate: number; satisfied: number; unsatisfied: number }[] =
      await this.dataSource.query(
        `SELECT department_code AS "departmentCode",
                count(*)::int AS received,
                count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= answer_due_at)::int AS "answeredOnTime",
                count(*) FILTER (WHERE answered_at > answer_due_at OR (answered_at IS NULL AND answer_due_at < now()))::int AS "answeredLate",
                count(*) FILTER (WHERE coalesce(review_rating, answer_rating) = 'satisfied')::int AS satisfied,
                count(*) FILTER (WHERE coalesce(review_rating, answer_rating) = 'unsatisfied')::int AS unsatisfied
           FROM complaints
          WHERE received_at >= $1 AND received_at < $2
          GROUP BY department_code
          ORDER BY department_code`,
        [startOfChinaDay(first), startOfChinaDay(next)],
      );
    return {
      period: month ? `${year}-${pad(month)}` : String(year),
      departments: rows.map((r): PublicComplaintStatisticsRow => {
        const rated = r.satisfied + r.unsatisfied;
        return {
          departmentCode: r.departmentCode,
          received: r.received,
          answeredOnTime: r.answeredOnTime,
          answeredLate: r.answeredLate,
          rated,
          satisfactionRate: rated ? Math.round((r.satisfied / rated) * 1000) / 1000 : null,
        };
      }),
    };
  }
}
