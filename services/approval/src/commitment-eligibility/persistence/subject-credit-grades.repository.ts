import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CreditGradeChangedV1 } from '@cityworks/contracts';
import { SubjectCreditGradeRecord } from './subject-credit-grade.record';

/** What approval knows of a subject's credit: the grade and whether it is on the joint-punishment list. */
export interface SubjectCredit {
  grade: SubjectCreditGradeRecord['grade'];
  jointPunishment: boolean;
  greenChannel: boolean;
  version: number;
}

@Injectable()
export class SubjectCreditGradesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(uscc: string, manager: EntityManager = this.dataSource.manager): Promise<SubjectCredit | null> {
    return manager.findOne(SubjectCreditGradeRecord, { where: { uscc } });
  }

  /** Keeps the change unless a newer version is already kept (events of one subject may arrive out of order); true when kept. */
  async keep(manager: EntityManager, change: CreditGradeChangedV1): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO subject_credit_grades (uscc, grade, joint_punishment, green_channel, version, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (uscc) DO UPDATE SET grade = EXCLUDED.grade, joint_punishment = EXCLUDED.joint_punishment,
         green_channel = EXCLUDED.green_channel, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
       WHERE subject_credit_grades.version < EXCLUDED.version
       RETURNING uscc`,
      [change.uscc, change.gradeAfter, change.jointPunishment, change.greenChannel, change.version, change.changedAt],
    );
    return rows.length > 0;
  }
}
