import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuthUser, IssuedLetter, IssueLetterInput, Topics } from '@cityworks/contracts';
import { stableUuid, UnitOfWork } from '@cityworks/messaging';
import { departmentFilter, mayRead, RuleViolation, Transition } from '@cityworks/platform';
import { checkedInput } from '../common/checked-input';
import { chinaDayRange } from '../common/china-day-range';
import { EscalationStep } from '../escalation/domain/escalation-step';
import { escalatedObligation } from '../escalation/dto/obligation.input';
import { ESCALATION_STEP } from '../escalation/escalation.service';
import { EscalationStepsRepository } from '../escalation/persistence/escalation-steps.repository';
import { Letter } from './domain/letter';
import { issueYear } from './domain/letter-number';
import { IssueLetterInputDto } from './dto/issue-letter.input';
import { LetterReplyDto } from './dto/letter-reply.dto';
import { ListLettersQuery } from './dto/list-letters.query';
import { LettersRepository } from './persistence/letters.repository';
import { renderLetterPdf } from './pdf/letter-pdf';
import { LetterView } from './views/letter.view';

const RESOURCE = 'letter';

/**
 * Use cases of the 提醒函 / 督办函: issued once per claim key by the ladder's activity, numbered
 * without gaps, rendered once and kept as issued; read by the addressee department (the 工改办
 * and auditors read all), received and answered by the addressee alone.
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly letters: LettersRepository,
    private readonly steps: EscalationStepsRepository,
  ) {}

  /**
   * Issues the letter of one rung of the ladder, in one transaction: the rung's ledger row is
   * claimed first (its claim key is unique: a retried, replayed or concurrent call with the same
   * key waits for the first and then finds its letter), then the office's number counter gives
   * the next number, the PDF is rendered with it, and the letter, its document, the audit
   * entries and `letter.issued.v1` are written. A failure anywhere rolls all of it back,
   * the number included.
   */
  async issue(input: IssueLetterInput): Promise<IssuedLetter> {
    const request = await checkedInput(IssueLetterInputDto, input);
    const known = await this.letters.findByClaimKey(request.claimKey);
    if (known) return this.issuedBefore(known, request);
    return this.uow.run(async (change) => {
      const { manager } = change;
      const id = stableUuid(RESOURCE, request.claimKey);
      const issuedAt = new Date();
      const obligation = escalatedObligation(request.obligation);
      const rung = EscalationStep.fire({
        id: stableUuid(ESCALATION_STEP, request.claimKey),
        claimKey: request.claimKey,
        step: request.kind,
        obligation,
        departmentCode: request.obligation.departmentCode,
        dueAt: new Date(request.missedDueAt),
        letterId: id,
        firedAt: issuedAt,
      });
      if (!(await this.steps.claim(manager, rung.step))) {
        const claimed = await this.letters.findByClaimKey(request.claimKey, manager);
        if (!claimed) throw new RuleViolation(`claim key ${request.claimKey} was claimed by a rung that is not a ${request.kind}`, 'rule');
        return this.issuedBefore(claimed, request);
      }
      const follows = request.kind === '督办函' ? await this.letters.latestAbout(manager, obligation, '提醒函') : null;
      const sequence = await this.letters.nextSequence(manager, request.office.code, request.kind, issueYear(issuedAt));
      const { letter, transition } = Letter.issue(
        {
          id,
          claimKey: request.claimKey,
          kind: request.kind,
          office: { ...request.office },
          addressee: { departmentCode: request.obligation.departmentCode, name: request.addresseeName ?? request.obligation.departmentCode },
          obligation,
          demandedAction: request.obligation.demandedAction,
          missedDueAt: new Date(request.missedDueAt),
          replyDueAt: new Date(request.replyDueAt),
          follows,
        },
        sequence,
        issuedAt,
      );
      const content = await renderLetterPdf(letter.snapshot);
      const sha256 = createHash('sha256').update(content).digest('hex');
      await this.letters.insert(manager, letter, { content, sha256, mediaType: 'application/pdf' });
      change.record({ type: RESOURCE, id }, { ...transition, after: { ...transition.after, pdfSha256: sha256 } }, Topics.escalation);
      change.record({ type: ESCALATION_STEP, id: rung.step.snapshot.id }, rung.transition, Topics.escalation);
      return { letterId: id, number: letter.snapshot.number, replyDueAt: letter.snapshot.replyDueAt.toISOString(), newlyIssued: true };
    });
  }

  /** The letter a claim key issued before; the same key asking for another letter is a caller's bug. */
  private issuedBefore(letter: Letter, request: IssueLetterInputDto): IssuedLetter {
    const s = letter.snapshot;
    if (s.kind !== request.kind || s.obligation.kind !== request.obligation.kind || s.obligation.id !== request.obligation.id)
      throw new RuleViolation(
        `claim key ${request.claimKey} issued ${s.number} about ${s.obligation.kind} ${s.obligation.id}, not this ${request.kind}`,
        'rule',
      );
    return { letterId: s.id, number: s.number, replyDueAt: s.replyDueAt.toISOString(), newlyIssued: false };
  }

  async list(user: AuthUser, query: ListLettersQuery) {
    const range = chinaDayRange(query.from, query.to);
    const now = new Date();
    const { items, total } = await this.letters.page(
      { department: departmentFilter(user), departmentCode: query.departmentCode, status: query.status, kind: query.kind, ...range },
      query.page,
      query.pageSize,
      now,
    );
    return { items: items.map((l) => LetterView.of(l, now)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<LetterView> {
    return LetterView.of(await this.readable(user, id), new Date());
  }

  /** The PDF exactly as issued. */
  async document(user: AuthUser, id: string): Promise<{ number: string; content: Buffer; mediaType: string }> {
    const letter = await this.readable(user, id);
    const document = await this.letters.document(id);
    if (!document) throw new NotFoundException(`letter ${id} has no document`);
    return { number: letter.snapshot.number, content: document.content, mediaType: document.mediaType };
  }

  /** 签收 by the addressee. */
  async receive(user: AuthUser, id: string): Promise<LetterView> {
    return this.change(user, id, (letter, now) => letter.markReceived(user.userId, now));
  }

  /** 书面回复 by the addressee. */
  async reply(user: AuthUser, id: string, body: LetterReplyDto): Promise<LetterView> {
    return this.change(user, id, (letter, now) => letter.reply(body.text, body.attachments ?? [], user.userId, now));
  }

  private async readable(user: AuthUser, id: string): Promise<Letter> {
    const letter = await this.letters.find(id);
    if (!letter || !mayRead(user, letter.snapshot.addressee.departmentCode)) throw new NotFoundException(`letter ${id} not found`);
    return letter;
  }

  /**
   * A change by the addressee: another department gets 404, as if the letter did not exist; the
   * 工改办 and auditors, who read every letter, get 403: only the unit written to answers it.
   */
  private async change(user: AuthUser, id: string, transition: (letter: Letter, now: Date) => Transition): Promise<LetterView> {
    const now = new Date();
    const letter = await this.uow.run(async (change) => {
      const current = await this.letters.lockForChange(change.manager, id);
      if (!current || !mayRead(user, current.snapshot.addressee.departmentCode)) throw new NotFoundException(`letter ${id} not found`);
      const addressee = current.snapshot.addressee.departmentCode;
      if (user.departmentCode !== addressee)
        throw new ForbiddenException(`only the addressee ${addressee} receives and answers letter ${current.snapshot.number}`);
      const t = transition(current, now);
      await this.letters.save(change.manager, current);
      change.record({ type: RESOURCE, id }, t, Topics.escalation);
      return current;
    });
    return LetterView.of(letter, now);
  }
}
