import { randomUUID } from 'node:crypto';
import { CreditEventTypes, CreditGradeChangedV1, IntegrationEvent } from '@cityworks/contracts';

/** credit.grade-changed.v1 as credit publishes it: D puts the subject on the joint-punishment list, A in the green channel. */
export function creditGradeChanged(uscc: string, version: number, gradeAfter: CreditGradeChangedV1['gradeAfter']): IntegrationEvent<CreditGradeChangedV1> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/cityworks/credit',
    type: CreditEventTypes.gradeChanged,
    time: new Date().toISOString(),
    subject: uscc,
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data: {
      uscc,
      gradeBefore: null,
      gradeAfter,
      jointPunishment: gradeAfter === 'D',
      greenChannel: gradeAfter === 'A',
      version,
      causeRecordId: randomUUID(),
      changedAt: new Date().toISOString(),
    },
  };
}
