import type { LetterKind } from '@cityworks/contracts';
import { LetterState } from '../domain/letter';
import { letterNumber } from '../domain/letter-number';

/**
 * A 督办函 of the demo city (铁东区) as the ladder issues it after a 提醒函: the sample the README
 * shows (render-sample.ts) and the PDF tests read back.
 */
export function sampleLetter(kind: LetterKind = '督办函'): LetterState {
  const office = { code: 'AS-TD-GGB-LETTERS', name: '铁东区工程建设项目审批制度改革领导小组办公室', shortName: '铁东工改办', departmentCode: 'AS-TD-GGB' };
  const sequence = kind === '督办函' ? 12 : 31;
  return {
    id: '0f4e2d5c-5a8b-5c1e-9d3f-7a6b5c4d3e2f',
    claimKey: `application-0f4e2d5c:${kind}`,
    kind,
    year: 2026,
    sequence,
    number: letterNumber(office.shortName, kind, 2026, sequence),
    office,
    addressee: { departmentCode: 'AS-TD-XZSPJ', name: '鞍山市铁东区行政审批局' },
    copyTo: kind === '督办函' ? { departmentCode: office.departmentCode, name: office.name } : null,
    obligation: {
      kind: 'application',
      id: '0f4e2d5c-1b2a-4c3d-8e9f-0a1b2c3d4e5f',
      title: '鞍山市铁东区滨河小学改扩建工程「建筑工程施工许可证核发」办件',
      regionCode: '210302',
      projectCode: '2026-210302-47-01-000123',
      itemCode: 'JS-SGXK-001',
    },
    demandedAction: '作出审批决定并办结',
    missedDueAt: new Date('2026-11-27T15:59:59.999Z'),
    replyDueAt: new Date('2026-12-08T15:59:59.999Z'),
    issuedAt: new Date('2026-12-03T02:00:00Z'),
    follows:
      kind === '督办函'
        ? { letterId: 'c1d2e3f4-0000-5000-8000-000000000031', number: '铁东工改办提〔2026〕31号', issuedAt: new Date('2026-11-23T02:00:00Z') }
        : null,
    status: 'issued',
    receivedAt: null,
    receivedBy: null,
    repliedAt: null,
    repliedBy: null,
    replyText: null,
    replyAttachments: [],
  };
}
