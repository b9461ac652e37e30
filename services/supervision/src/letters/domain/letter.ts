import {
  EscalatedObligation,
  EscalationEventTypes,
  LetterIssuedV1,
  LetterKind,
  LetterReceivedV1,
  LetterRepliedV1,
  NewIntegrationEvent,
} from '@cityworks/contracts';
import { RuleViolation, Transition } from '@cityworks/platform';
import { issueYear, letterNumber } from './letter-number';

/** Stored status; `overdue` is never stored, it is read off the reply deadline (see shownStatus). */
export type LetterStatus = 'issued' | 'received' | 'replied';
export const LetterShownStatuses = ['issued', 'received', 'replied', 'overdue'] as const;
export type LetterShownStatus = (typeof LetterShownStatuses)[number];

/** 发文机关: the 工改办 letter office the catalog named for the region. */
export interface LetterOfficeRef {
  code: string;
  name: string;
  /** 发文机关代字, opens the number */
  shortName: string;
  /** the 工改办 department the office belongs to */
  departmentCode: string;
}

/** A department as the letter prints it (主送机关, 抄送机关); `name` is the code when no name was given. */
export interface LetterParty {
  departmentCode: string;
  name: string;
}

/** 附件, by reference: the file stays where the department keeps it. */
export interface ReplyAttachment {
  name: string;
  uri: string;
}

/** The 提醒函 a 督办函 follows (“我办已于……以……号函提醒”). */
export interface PreviousLetter {
  letterId: string;
  number: string;
  issuedAt: Date;
}

/** Everything a letter is; the persistence mapper stores and restores exactly this. */
export interface LetterState {
  id: string;
  /** the ladder's key for this rung: one letter per key, ever */
  claimKey: string;
  kind: LetterKind;
  year: number;
  sequence: number;
  number: string;
  office: LetterOfficeRef;
  /** 主送机关: the unit that is late */
  addressee: LetterParty;
  /** 抄送机关: the 工改办 on a 督办函; none on a 提醒函 */
  copyTo: LetterParty | null;
  obligation: EscalatedObligation;
  /** what the unit must do, e.g. 作出审批决定并办结 */
  demandedAction: string;
  missedDueAt: Date;
  replyDueAt: Date;
  issuedAt: Date;
  follows: PreviousLetter | null;
  status: LetterStatus;
  receivedAt: Date | null;
  receivedBy: string | null;
  repliedAt: Date | null;
  repliedBy: string | null;
  replyText: string | null;
  replyAttachments: ReplyAttachment[];
}

/** What the ladder asks for; the number and the day of issue are the letter's own. */
export interface LetterDraft {
  id: string;
  claimKey: string;
  kind: LetterKind;
  office: LetterOfficeRef;
  addressee: LetterParty;
  obligation: EscalatedObligation;
  demandedAction: string;
  missedDueAt: Date;
  replyDueAt: Date;
  follows: PreviousLetter | null;
}

const blank = (s: string) => !s.replace(/[\s\ufeff]/g, '');

/**
 * 提醒函 / 督办函: a numbered official letter to a late unit, naming the obligation, the deadline
 * it missed, what it must do and the new deadline. Issued once, received (签收) once by the
 * addressee, answered (书面回复) once; overdue while unanswered past the reply deadline.
 */
export class Letter {
  private constructor(private state: LetterState) {}

  /**
   * Issues the letter with the sequence the office's counter gave it for the year of `issuedAt`
   * (China time). A 督办函 is copied to the 工改办 the office belongs to; a 提醒函 goes to the unit
   * alone (the Chifeng mechanism, 赤工改办综合字〔2023〕7号, names no copy for either; the ladder
   * of the design copies the 督办函, which is what makes it count against the unit).
   */
  static issue(draft: LetterDraft, sequence: number, issuedAt: Date): { letter: Letter; transition: Transition } {
    if (draft.replyDueAt.getTime() <= draft.missedDueAt.getTime())
      throw new RuleViolation(`replyDueAt ${draft.replyDueAt.toISOString()} must come after the missed deadline ${draft.missedDueAt.toISOString()}`, 'rule');
    if (blank(draft.obligation.title)) throw new RuleViolation('the obligation needs a title the letter can name', 'rule');
    if (blank(draft.demandedAction)) throw new RuleViolation('the letter must say what the unit is to do (demandedAction)', 'rule');
    const year = issueYear(issuedAt);
    const letter = new Letter({
      ...draft,
      year,
      sequence,
      number: letterNumber(draft.office.shortName, draft.kind, year, sequence),
      copyTo: draft.kind === '督办函' ? { departmentCode: draft.office.departmentCode, name: draft.office.name } : null,
      issuedAt,
      status: 'issued',
      receivedAt: null,
      receivedBy: null,
      repliedAt: null,
      repliedBy: null,
      replyText: null,
      replyAttachments: [],
    });
    const s = letter.state;
    const issued: LetterIssuedV1 = {
      letterId: s.id,
      number: s.number,
      kind: s.kind,
      officeCode: s.office.code,
      addresseeDepartmentCode: s.addressee.departmentCode,
      copyToDepartmentCode: s.copyTo?.departmentCode ?? null,
      obligation: s.obligation,
      missedDueAt: s.missedDueAt.toISOString(),
      replyDueAt: s.replyDueAt.toISOString(),
      issuedAt: issuedAt.toISOString(),
      claimKey: s.claimKey,
    };
    return {
      letter,
      transition: {
        action: 'letter.issued',
        before: null,
        after: {
          number: s.number,
          kind: s.kind,
          addressee: s.addressee.departmentCode,
          obligation: `${s.obligation.kind}:${s.obligation.id}`,
          replyDueAt: issued.replyDueAt,
        },
        events: [{ type: EscalationEventTypes.letterIssued, subject: s.id, data: issued }],
      },
    };
  }

  static restore(state: LetterState): Letter {
    return new Letter({ ...state, replyAttachments: [...state.replyAttachments] });
  }

  get snapshot(): Readonly<LetterState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /** Unanswered after the reply deadline: shown as overdue whatever else happened. */
  isOverdue(now: Date): boolean {
    return this.state.status !== 'replied' && now.getTime() > this.state.replyDueAt.getTime();
  }

  shownStatus(now: Date): LetterShownStatus {
    return this.isOverdue(now) ? 'overdue' : this.state.status;
  }

  /** 签收: the addressee marks the letter received, once. */
  markReceived(userId: string, now: Date): Transition {
    if (this.state.status !== 'issued') throw new RuleViolation(`letter ${this.state.number} was already received on ${this.state.receivedAt?.toISOString()}`);
    this.state = { ...this.state, status: 'received', receivedAt: now, receivedBy: userId };
    return { action: 'letter.received', before: { status: 'issued' }, after: { status: 'received' }, events: [this.receivedEvent(now)] };
  }

  /**
   * 书面回复: the addressee answers once, late or not. Answering a letter nobody marked received
   * receives it too: a reply proves the letter arrived.
   */
  reply(text: string, attachments: ReplyAttachment[], userId: string, now: Date): Transition {
    if (this.state.status === 'replied') throw new RuleViolation(`letter ${this.state.number} was already answered on ${this.state.repliedAt?.toISOString()}`);
    if (blank(text)) throw new RuleViolation('the reply must say what the unit did (text)', 'rule');
    const before = { status: this.state.status };
    const events: NewIntegrationEvent[] = [];
    if (this.state.status === 'issued') {
      this.state = { ...this.state, receivedAt: now, receivedBy: userId };
      events.push(this.receivedEvent(now));
    }
    const late = this.isOverdue(now);
    this.state = { ...this.state, status: 'replied', repliedAt: now, repliedBy: userId, replyText: text, replyAttachments: attachments.map((a) => ({ ...a })) };
    const s = this.state;
    const replied: LetterRepliedV1 = {
      letterId: s.id,
      number: s.number,
      kind: s.kind,
      addresseeDepartmentCode: s.addressee.departmentCode,
      obligation: s.obligation,
      repliedAt: now.toISOString(),
      replyDueAt: s.replyDueAt.toISOString(),
      late,
      text,
      attachments: s.replyAttachments,
    };
    events.push({ type: EscalationEventTypes.letterReplied, subject: s.id, data: replied });
    return { action: 'letter.replied', before, after: { status: 'replied', late, attachments: attachments.length }, events };
  }

  private receivedEvent(receivedAt: Date): NewIntegrationEvent<LetterReceivedV1> {
    const s = this.state;
    return {
      type: EscalationEventTypes.letterReceived,
      subject: s.id,
      data: { letterId: s.id, number: s.number, kind: s.kind, addresseeDepartmentCode: s.addressee.departmentCode, receivedAt: receivedAt.toISOString() },
    };
  }
}
