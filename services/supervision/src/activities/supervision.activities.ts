import { Injectable } from '@nestjs/common';
import type { EscalationActivities, EscalationStepInput, IssuedLetter, IssueLetterInput, SupervisionActivities } from '@cityworks/contracts';
import { SupervisionTasksService } from '../supervision-tasks/supervision-tasks.service';
import { LettersService } from '../letters/letters.service';
import { EscalationService } from '../escalation/escalation.service';

/**
 * Activities on task queue `supervision`; each touches only this service's data. One worker
 * serves one class, so this one serves both contracts: the supervision task's and the
 * escalation ladder's (letters and the ledger of rungs).
 */
@Injectable()
export class SupervisionActivitiesImpl implements SupervisionActivities, EscalationActivities {
  constructor(
    private readonly tasks: SupervisionTasksService,
    private readonly letters: LettersService,
    private readonly escalation: EscalationService,
  ) {}

  markSupervisionTaskOverdue({ taskId }: { taskId: string }) {
    return this.tasks.markOverdue(taskId);
  }

  issueLetter(input: IssueLetterInput): Promise<IssuedLetter> {
    return this.letters.issue(input);
  }

  recordEscalationStep(input: EscalationStepInput): Promise<{ recorded: boolean }> {
    return this.escalation.record(input);
  }
}
