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
import { LetterDocument, LettersRepository } from './persistence/letters.repository';
import { renderLetterPdf } from './pdf/letter-pdf';
import { LetterRendering } from './pdf/letter-rendering';
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
    private readonly rendering: LetterRendering,
  ) {}

  /**
   * Issues the letter of one rung of the ladder. One transaction claims the rung's ledger row
   * first (its claim key is unique: a retried, replayed or concurrent call with the same key
   * waits for the first and then finds its letter), takes the next number from the office's
   * counter row, and writes the letter, its audit entries and `letter.issued.v1`; a failure rolls
   * all of it back, the number included. The PDF is rendered after the commit and stored once
   * (storedDocument), scheduled by LetterRendering: rendering takes a tenth of a second, and
   * holding the office's counter row and a pooled connection that long per letter would queue a
   * burst of letters behind one another and starve the pool.
   */
  async issue(input: IssueLetterInput): Promise<IssuedLetter> {
    const request = await checkedInput(IssueLetterInputDto, input);
    const { letter, newlyIssued } = await this.rendering.whileIssuing(async () => {
      const known = await this.letters.findByClaimKey(request.claimKey);
      return known ? { letter: this.issuedBefore(known, request), newlyIssued: false } : this.issueOnce(request);
    });
    await this.storedDocument(letter);
    const s = letter.snapshot;
    return { letterId: s.id, number: s.number, replyDueAt: s.replyDueAt.toISOString(), newlyIssued };
  }

  private issueOnce(request: IssueLetterInputDto): Promise<{ letter: Letter; newlyIssued: boolean }> {
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
        return { letter: this.issuedBefore(claimed, request), newlyIssued: false };
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
      await this.letters.insert(manager, letter);
      change.record({ type: RESOURCE, id }, transition, Topics.escalation);
      change.record({ type: ESCALATION_STEP, id: rung.step.snapshot.id }, rung.transition, Topics.escalation);
      return { letter, newlyIssued: true };
    });
  }

  /** The letter a claim key issued before; the same key asking for another letter is a caller's bug. */
  private issuedBefore(letter: Letter, request: IssueLetterInputDto): Letter {
    const s = letter.snapshot;
    if (s.kind !== request.kind || s.obligation.kind !== request.obligation.kind || s.obligation.id !== request.obligation.id)
      throw new RuleViolation(
        `claim key ${request.claimKey} issued ${s.number} about ${s.obligation.kind} ${s.obligation.id}, not this ${request.kind}`,
        'rule',
      );
    return letter;
  }

  /**
   * The letter's PDF as stored; rendered and stored first if it is not yet: right after the
   * issue, or by a retried issue or a download when the process died in between. The rendering
   * is deterministic, so whichever call stores it stores the same bytes; the first one wins and
   * is audited with its SHA-256, and nothing replaces a stored document.
   */
  private async storedDocument(letter: Letter): Promise<LetterDocument> {
    return (
      (await this.letters.document(letter.id)) ??
      this.rendering.schedule(async () => {
        // stored by a call queued before this one (a retried issue, a download)?
        const stored = await this.letters.document(letter.id);
        if (stored) return stored;
        const content = await renderLetterPdf(letter.snapshot);
        const document: LetterDocument = { content, sha256: createHash('sha256').update(content).digest('hex'), mediaType: 'application/pdf' };
        await this.uow.run(async (change) => {
          if (!(await this.letters.insertDocument(change.manager, letter.id, document, new Date()))) return;
          change.audit({
            action: 'letter.document-stored',
            resourceType: RESOURCE,
            resourceId: letter.id,
            before: null,
            after: { number: letter.snapshot.number, mediaType: document.mediaType, bytes: content.length, sha256: document.sha256 },
          });
        });
        return (await this.letters.document(letter.id)) ?? document;
      })
    );
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

  /** The PDF exactly as stored at issue. */
  async document(user: AuthUser, id: string): Promise<{ number: string; content: Buffer; mediaType: string }> {
    const letter = await this.readable(user, id);
    const document = await this.storedDocument(letter);
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
