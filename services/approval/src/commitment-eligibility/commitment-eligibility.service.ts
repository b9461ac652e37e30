import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommitmentEligibilityCancellation, Topics } from '@cityworks/contracts';
import { stableUuid, UnitOfWork } from '@cityworks/messaging';
import { assertMayApplyOnCommitment, cancelEligibility, inForce } from './domain/commitment-eligibility';
import { EligibilityCancellationsRepository } from './persistence/eligibility-cancellations.repository';
import { SubjectCreditGradesRepository } from './persistence/subject-credit-grades.repository';
import { CommitmentEligibilityView, EligibilityCancellationView } from './views/commitment-eligibility.view';

const RESOURCE = 'commitment-eligibility';

/** 告知承诺资格: cancelled by a broken commitment's workflow, checked at every 受理 on commitment. */
@Injectable()
export class CommitmentEligibilityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cancellations: EligibilityCancellationsRepository,
    private readonly credit: SubjectCreditGradesRepository,
  ) {}

  /** Called by the commitment workflow's activity; once per commitment, a repeat changes nothing. */
  async cancel(input: CommitmentEligibilityCancellation): Promise<{ cancelled: boolean }> {
    return this.uow.run(async (change) => {
      if (await this.cancellations.ofCommitment(change.manager, input.commitmentId)) return { cancelled: false };
      const { cancellation, transition } = cancelEligibility(
        {
          id: stableUuid('commitment-eligibility', input.commitmentId),
          ownerUscc: input.ownerUscc,
          commitmentId: input.commitmentId,
          applicationId: input.applicationId,
          reason: input.reason,
          until: new Date(input.until),
        },
        new Date(),
      );
      await this.cancellations.insert(change.manager, cancellation);
      change.record({ type: RESOURCE, id: input.ownerUscc }, transition, Topics.approval);
      return { cancelled: true };
    });
  }

  /** Refuses 受理 on commitment (422 naming onCommitment and the reason) while a cancellation is in force or credit grades the subject D. */
  async assertMayApplyOnCommitment(manager: EntityManager, ownerUscc: string, now: Date): Promise<void> {
    assertMayApplyOnCommitment(ownerUscc, await this.cancellations.ofSubject(ownerUscc, manager), now, await this.credit.of(ownerUscc, manager));
  }

  /** 绿色通道: credit grades the subject A, as approval last heard. */
  async greenChannel(manager: EntityManager, ownerUscc: string): Promise<boolean> {
    return (await this.credit.of(ownerUscc, manager))?.greenChannel ?? false;
  }

  async of(ownerUscc: string): Promise<CommitmentEligibilityView> {
    const all = await this.cancellations.ofSubject(ownerUscc);
    const [binding] = inForce(all, new Date());
    const credit = await this.credit.of(ownerUscc);
    return Object.assign(new CommitmentEligibilityView(), {
      ownerUscc,
      eligible: !binding && !credit?.jointPunishment,
      creditGrade: credit?.grade ?? null,
      jointPunishment: credit?.jointPunishment ?? false,
      ineligibleUntil: binding?.until.toISOString() ?? null,
      cancellations: all.map(EligibilityCancellationView.of),
    });
  }
}
