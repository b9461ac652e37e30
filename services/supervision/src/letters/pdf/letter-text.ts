import type { LetterState } from '../domain/letter';
import { chineseDate } from '../domain/letter-number';

/** What a letter says, block by block, in the order GB/T 9704 lays it out. */
export interface LetterText {
  /** 发文机关标志 */
  mark: string;
  /** 发文字号 */
  number: string;
  /** 标题 */
  title: string;
  /** 主送机关, with its full-width colon */
  addressee: string;
  /** 正文, one string per paragraph */
  body: string[];
  /** 发文机关署名 */
  signature: string;
  /** 成文日期 */
  date: string;
  /** 版记: 抄送 line, none for a letter copied to nobody */
  copyTo: string | null;
  /** 版记: 印发机关 and 印发日期 */
  printedBy: string;
  printedOn: string;
}

function codes(s: Readonly<LetterState>): string {
  const parts = [s.obligation.projectCode && `项目代码：${s.obligation.projectCode}`, s.obligation.itemCode && `事项编码：${s.obligation.itemCode}`].filter(
    Boolean,
  );
  return parts.length ? `（${parts.join('；')}）` : '';
}

/**
 * The wording of a 提醒函 / 督办函: the obligation, the deadline missed, what the unit must do by
 * the new deadline, and what follows if it does not (the next rung of the ladder).
 */
export function letterText(s: Readonly<LetterState>): LetterText {
  const missed = chineseDate(s.missedDueAt);
  const reply = chineseDate(s.replyDueAt);
  const late = `${s.obligation.title}${codes(s)}应于${missed}前办结`;
  const body =
    s.kind === '提醒函'
      ? [
          `${late}，截至本函发出之日仍未办结，已超过规定时限。`,
          `根据工程建设项目审批制度改革督查督办工作要求，现予提醒。请你单位于${reply}前${s.demandedAction}，并将办理情况书面回复我办。逾期仍未办结的，我办将发出督办函。`,
          '特此函告。',
        ]
      : [
          `${late}。${s.follows ? `我办已于${chineseDate(s.follows.issuedAt)}以${s.follows.number}函提醒你单位限期办理，` : ''}截至本函发出之日仍未办结。`,
          `根据工程建设项目审批制度改革督查督办工作要求，现予督办。请你单位高度重视，于${reply}前${s.demandedAction}，并将办理结果及逾期原因书面报送我办。逾期仍未办结的，将在工程建设项目审批制度改革工作月度通报中予以通报，并按规定移送有关部门追究责任。`,
          '特此函告。',
        ];
  return {
    mark: s.office.name,
    number: s.number,
    title: `关于督促办理${s.obligation.title}的${s.kind}`,
    addressee: `${s.addressee.name}：`,
    body,
    signature: s.office.name,
    date: chineseDate(s.issuedAt),
    copyTo: s.copyTo ? `抄送：${s.copyTo.name}。` : null,
    printedBy: s.office.name,
    printedOn: `${chineseDate(s.issuedAt)}印发`,
  };
}
