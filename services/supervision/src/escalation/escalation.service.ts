import { Injectable } from '@nestjs/common';
import { EscalationStepInput, Topics } from '@cityworks/contracts';
import { stableUuid, UnitOfWork } from '@cityworks/messaging';
import { RuleViolation } from '@cityworks/platform';
import { checkedInput } from '../common/checked-input';
import { chinaDayRange } from '../common/china-day-range';
import { EscalationStep } from './domain/escalation-step';
import { EscalationStepInputDto } from './dto/escalation-step.input';
import { escalatedObligation } from './dto/obligation.input';
import { ListEscalationStepsQuery } from './dto/list-escalation-steps.query';
import { EscalationStepsRepository } from './persistence/escalation-steps.repository';
import { EscalationStepView } from './views/escalation-step.view';
import { pageViewOf } from '@cityworks/platform';

export const ESCALATION_STEP = 'escalation-step';
export const EscalationStepPageView = pageViewOf(EscalationStepView);

/**
 * The ledger of the escalation ladder: the rungs that are not letters (预警, 通报) are recorded
 * here, the letter rungs by the letters service in the letter's own transaction. Each rung is
 * claimed once by its key; a second call finds the claim and changes nothing.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly steps: EscalationStepsRepository,
  ) {}

  /** 预警 or 通报 (with the 追责 flag), once per claim key, announced on escalation.events. */
  async record(input: EscalationStepInput): Promise<{ recorded: boolean }> {
    const request = await checkedInput(EscalationStepInputDto, input);
    return this.uow.run(async (change) => {
      const { manager } = change;
      if (request.letterId) {
        const [{ known }] = await manager.query('SELECT EXISTS (SELECT 1 FROM letters WHERE id = $1) AS known', [request.letterId]);
        if (!known) throw new RuleViolation(`letterId ${request.letterId} names no letter`, 'rule');
      }
      const { step, transition } = EscalationStep.fire({
        id: stableUuid(ESCALATION_STEP, request.claimKey),
        claimKey: request.claimKey,
        step: request.step,
        obligation: escalatedObligation(request.obligation),
        departmentCode: request.obligation.departmentCode,
        dueAt: new Date(request.dueAt),
        letterId: request.letterId ?? null,
        firedAt: new Date(),
      });
      if (!(await this.steps.claim(manager, step))) return { recorded: false };
      change.record({ type: ESCALATION_STEP, id: step.snapshot.id }, transition, Topics.escalation);
      return { recorded: true };
    });
  }

  async list(query: ListEscalationStepsQuery) {
    const range = chinaDayRange(query.from, query.to);
    const { items, total } = await this.steps.page({ departmentCode: query.departmentCode, step: query.step, ...range }, query.page, query.pageSize);
    return { items: items.map(EscalationStepView.of), total, page: query.page, pageSize: query.pageSize };
  }
}
