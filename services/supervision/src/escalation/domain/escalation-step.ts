import {
  EscalatedObligation,
  EscalationEventTypes,
  EscalationFlaggedForCircularV1,
  EscalationWarningIssuedV1,
  NewIntegrationEvent,
} from '@cityworks/contracts';
import { Transition } from '@cityworks/platform';

/** The rungs of the ladder (预警 → 提醒函 → 督办函 → 通报), each fired once per obligation. */
export const EscalationStepKinds = ['预警', '提醒函', '督办函', '通报'] as const;
export type EscalationStepKind = (typeof EscalationStepKinds)[number];

/** One rung as the ledger keeps it; the persistence mapper stores and restores exactly this. */
export interface EscalationStepState {
  id: string;
  /** the ladder's key for the rung: the ledger's unique claim */
  claimKey: string;
  step: EscalationStepKind;
  obligation: EscalatedObligation;
  /** the responsible (late) unit */
  departmentCode: string;
  /** the deadline the rung was measured against */
  dueAt: Date;
  /** the letter the rung issued (提醒函, 督办函) or follows (通报 after a 督办函) */
  letterId: string | null;
  firedAt: Date;
}

/**
 * A rung of the escalation ladder as fired: the ledger the 工改办's monthly 通报 reads. The rung's
 * own facts go out for the two rungs no letter announces: 预警 (escalation.warning-issued.v1)
 * and 通报 with its 追责 flag (escalation.flagged-for-circular.v1). A letter rung's fact is the
 * letter's `letter.issued.v1`.
 */
export class EscalationStep {
  private constructor(private readonly state: EscalationStepState) {}

  static fire(state: EscalationStepState): { step: EscalationStep; transition: Transition } {
    const step = new EscalationStep({ ...state });
    return {
      step,
      transition: {
        action: 'escalation-step.fired',
        before: null,
        after: { step: state.step, claimKey: state.claimKey, obligation: `${state.obligation.kind}:${state.obligation.id}`, letterId: state.letterId },
        events: step.events(),
      },
    };
  }

  static restore(state: EscalationStepState): EscalationStep {
    return new EscalationStep({ ...state });
  }

  get snapshot(): Readonly<EscalationStepState> {
    return this.state;
  }

  /** Kafka key: one obligation's rungs stay in order. */
  get subject(): string {
    return `${this.state.obligation.kind}:${this.state.obligation.id}`;
  }

  private events(): NewIntegrationEvent[] {
    const s = this.state;
    const rung = {
      stepId: s.id,
      claimKey: s.claimKey,
      obligation: s.obligation,
      departmentCode: s.departmentCode,
      dueAt: s.dueAt.toISOString(),
      firedAt: s.firedAt.toISOString(),
    };
    if (s.step === '预警') return [{ type: EscalationEventTypes.warningIssued, subject: this.subject, data: rung satisfies EscalationWarningIssuedV1 }];
    if (s.step === '通报') {
      const flagged: EscalationFlaggedForCircularV1 = { ...rung, letterId: s.letterId, accountability: true };
      return [{ type: EscalationEventTypes.flaggedForCircular, subject: this.subject, data: flagged }];
    }
    return [];
  }
}
