import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LetterKind } from '@cityworks/contracts';
import { Letter, LetterShownStatus, LetterShownStatuses } from '../domain/letter';
import { EscalatedObligationView } from '../../escalation/views/escalated-obligation.view';

export const LetterKinds: LetterKind[] = ['提醒函', '督办函'];

/** 发文机关 */
export class LetterOfficeView {
  @ApiProperty({ example: 'AS-TD-GGB-LETTERS' })
  code: string;

  @ApiProperty({ example: '铁东区工程建设项目审批制度改革领导小组办公室' })
  name: string;

  @ApiProperty({ description: '发文机关代字', example: '铁东工改办' })
  shortName: string;

  @ApiProperty({ description: 'the 工改办 department the office belongs to', example: 'AS-TD-GGB' })
  departmentCode: string;
}

/** 主送机关 / 抄送机关 */
export class LetterPartyView {
  @ApiProperty({ example: 'AS-TD-XZSPJ' })
  departmentCode: string;

  @ApiProperty({ description: 'as printed on the letter (the code when the ladder knew no name)', example: '鞍山市铁东区行政审批局' })
  name: string;
}

export class ReplyAttachmentView {
  @ApiProperty({ example: '准予行政许可决定书.pdf' })
  name: string;

  @ApiProperty({ description: 'where the department keeps the file', example: 'https://files.example.gov.cn/decisions/2026/123.pdf' })
  uri: string;
}

/** The 提醒函 a 督办函 follows. */
export class PreviousLetterView {
  @ApiProperty({ format: 'uuid' })
  letterId: string;

  @ApiProperty({ example: '铁东工改办提〔2026〕31号' })
  number: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;
}

/** A 提醒函 / 督办函 as the API shows it; the document itself is GET /letters/{id}/pdf. */
export class LetterView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: '发文字号', example: '铁东工改办督〔2026〕12号' })
  number: string;

  @ApiProperty({ enum: LetterKinds })
  kind: LetterKind;

  @ApiProperty({ enum: LetterShownStatuses, description: 'overdue: unanswered after replyDueAt (whether received or not)' })
  status: LetterShownStatus;

  @ApiProperty({ type: LetterOfficeView })
  office: LetterOfficeView;

  @ApiProperty({ type: LetterPartyView, description: '主送机关: the late unit' })
  addressee: LetterPartyView;

  @ApiPropertyOptional({ type: LetterPartyView, nullable: true, description: '抄送机关: the 工改办 on a 督办函, null on a 提醒函' })
  copyTo: LetterPartyView | null;

  @ApiProperty({ type: EscalatedObligationView })
  obligation: EscalatedObligationView;

  @ApiProperty({ description: 'what the unit must do by replyDueAt', example: '作出审批决定并办结' })
  demandedAction: string;

  @ApiProperty({ format: 'date-time', description: 'the deadline the unit missed' })
  missedDueAt: string;

  @ApiProperty({ format: 'date-time', description: 'the new deadline: act and reply by then' })
  replyDueAt: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiPropertyOptional({ type: PreviousLetterView, nullable: true, description: 'the 提醒函 a 督办函 follows' })
  follows: PreviousLetterView | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: '签收' })
  receivedAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  receivedBy: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: '书面回复' })
  repliedAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  repliedBy: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  replyText: string | null;

  @ApiProperty({ type: [ReplyAttachmentView] })
  replyAttachments: ReplyAttachmentView[];

  @ApiProperty({ description: 'the reply came after replyDueAt, or none came and replyDueAt has passed' })
  late: boolean;

  static of(letter: Letter, now: Date): LetterView {
    const s = letter.snapshot;
    const late = s.repliedAt ? s.repliedAt.getTime() > s.replyDueAt.getTime() : letter.isOverdue(now);
    return Object.assign(new LetterView(), {
      id: s.id,
      number: s.number,
      kind: s.kind,
      status: letter.shownStatus(now),
      office: Object.assign(new LetterOfficeView(), s.office),
      addressee: Object.assign(new LetterPartyView(), s.addressee),
      copyTo: s.copyTo ? Object.assign(new LetterPartyView(), s.copyTo) : null,
      obligation: EscalatedObligationView.of(s.obligation),
      demandedAction: s.demandedAction,
      missedDueAt: s.missedDueAt.toISOString(),
      replyDueAt: s.replyDueAt.toISOString(),
      issuedAt: s.issuedAt.toISOString(),
      follows: s.follows ? Object.assign(new PreviousLetterView(), { ...s.follows, issuedAt: s.follows.issuedAt.toISOString() }) : null,
      receivedAt: s.receivedAt?.toISOString() ?? null,
      receivedBy: s.receivedBy,
      repliedAt: s.repliedAt?.toISOString() ?? null,
      repliedBy: s.repliedBy,
      replyText: s.replyText,
      replyAttachments: s.replyAttachments.map((a) => Object.assign(new ReplyAttachmentView(), a)),
      late,
    });
  }
}
