import { condition, proxyActivities, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import {
  CatalogActivities,
  EscalationActivities,
  LadderRung,
  LadderState,
  LetterKind,
  Obligation,
  RungFired,
  SearchAttributes,
  TaskQueues,
} from '@cityworks/contracts';

const calendar = proxyActivities<CatalogActivities>({
  taskQueue: TaskQueues.catalog,
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '1m', nonRetryableErrorTypes: ['InvalidInput'] },
});
// retried without end: a department whose activity keeps failing holds up only its own obligation
const escalation = proxyActivities<EscalationActivities>({
  taskQueue: TaskQueues.supervision,
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', maximumInterval: '5m' },
});

/** What the host workflow tells the ladder, read afresh at every step. */
export interface LadderWatch {
  /** the obligation's deadline now; null while its clock is stopped (暂停计时) */
  dueAt(): string | null;
  /** the obligation is finished: the ladder stops at once */
  done(): boolean;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
/** the China calendar date of an instant */
const chinaDate = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
/** the last instant of a China calendar day */
const endOfChinaDay = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86400_000 - 1).toISOString();

/**
 * The host's last step once its obligation is finished: a rung in flight finishes and the ladder
 * sees the end, rather than the call being abandoned or cancelled mid-way; a rung that keeps
 * failing is left behind after a minute (its claim key keeps a late completion from counting twice).
 */
export async function letLadderSettle(ladder: Promise<unknown> | undefined): Promise<void> {
  if (ladder) await Promise.race([ladder, sleep('1 minute')]);
}

export function newLadderState(): LadderState {
  return { rung: 'none', fired: [] };
}

/**
 * The escalation ladder of one obligation (预警 → 提醒函 → 督办函 → 通报), run inside the
 * obligation's own workflow beside its wait:
 * - 预警 to the handler when `warningLeadWorkingDays` working days are left;
 * - at the deadline, with the clock running, a 提醒函 to the unit with a new deadline
 *   (`reminderGraceWorkingDays` on);
 * - still open then, a 督办函 copied to the 工改办 (`escalationGraceWorkingDays` on);
 * - still open then, listed in the monthly 通报 and flagged for 追责.
 * Until the 提醒函 the ladder follows the obligation's deadline as it moves (clock-stops, a
 * provisional holiday year replaced); after it, the letters' own deadlines count. Finishing the
 * obligation stops it at once. Each rung is claimed by `<kind>:<id>:<rung>` in supervision, so a
 * retried activity or a replay after a crash never fires a rung twice. Working days come from the
 * catalog's calendar activities.
 */
export async function runEscalationLadder(obligation: Obligation, watch: LadderWatch, state: LadderState): Promise<LadderState> {
  const claimKey = (rung: string) => `${obligation.kind}:${obligation.id}:${rung}`;
  const firedRung = (rung: LadderRung) => state.fired.find((f) => f.rung === rung);
  const reach = (fired: RungFired) => {
    state.fired.push(fired);
    state.rung = fired.rung;
    upsertSearchAttributes([{ key: SearchAttributes.escalationRung, value: fired.rung }]);
  };

  /** Waits until `at` unless the obligation finishes or its deadline moves; true when `at` came. */
  const waitUntil = async (at: string, deadline: string | null) => {
    const ms = Math.max(Date.parse(at) - Date.now(), 0);
    const woken = await condition(() => watch.done() || (deadline !== null && watch.dueAt() !== deadline), ms);
    return !woken;
  };
  /** The deadline while the clock runs; waits out a clock-stop. Null once the obligation is done. */
  const runningDeadline = async (): Promise<string | null> => {
    await condition(() => watch.done() || watch.dueAt() !== null);
    return watch.done() ? null : watch.dueAt();
  };

  // 预警: with `lead` working days left
  if (obligation.warningLeadWorkingDays > 0 && !firedRung('预警') && !firedRung('提醒函')) {
    for (;;) {
      const due = await runningDeadline();
      if (!due) return state;
      if (Date.now() >= Date.parse(due)) break; // too late to warn: the 提醒函 follows
      const { date } = await calendar.subtractWorkingDays({ date: chinaDate(due), days: obligation.warningLeadWorkingDays });
      if (watch.done()) return state;
      if (watch.dueAt() !== due) continue;
      if (!(await waitUntil(endOfChinaDay(date), due))) {
        if (watch.done()) return state;
        continue; // the deadline moved: the warning moves with it
      }
      const key = claimKey('预警');
      await escalation.recordEscalationStep({ claimKey: key, step: '预警', obligation, dueAt: due });
      reach({ rung: '预警', claimKey: key, firedAt: new Date().toISOString(), dueAt: due });
      break;
    }
  }

  // 提醒函: the deadline passed with the clock running
  let missed = firedRung('提醒函')?.dueAt;
  if (!missed) {
    for (;;) {
      const due = await runningDeadline();
      if (!due) return state;
      if (await waitUntil(due, due)) {
        missed = due;
        break;
      }
      if (watch.done()) return state;
    }
    if (!(await issue('提醒函', missed, obligation.reminderGraceWorkingDays))) return state;
  }

  // 督办函: still open when the 提醒函's deadline passed
  const reminder = firedRung('提醒函')!.letter!;
  if (!firedRung('督办函')) {
    if (!(await waitUntil(reminder.replyDueAt, null)) || watch.done()) return state;
    if (!(await issue('督办函', reminder.replyDueAt, obligation.escalationGraceWorkingDays))) return state;
  }

  // 通报 and 追责: still open when the 督办函's deadline passed
  const escalated = firedRung('督办函')!.letter!;
  if (!firedRung('通报')) {
    if (!(await waitUntil(escalated.replyDueAt, null)) || watch.done()) return state;
    const key = claimKey('通报');
    await escalation.recordEscalationStep({ claimKey: key, step: '通报', obligation, dueAt: escalated.replyDueAt, letterId: escalated.letterId });
    reach({ rung: '通报', claimKey: key, firedAt: new Date().toISOString(), dueAt: escalated.replyDueAt });
  }
  return state;

  /** Issues the letter unless the obligation finished while its office and deadline were looked up. */
  async function issue(kind: LetterKind, missedDueAt: string, graceWorkingDays: number): Promise<boolean> {
    const office = await calendar.letterOfficeFor({ regionCode: obligation.regionCode });
    const { dueAt: replyDueAt } = await calendar.dueInstant({ acceptedAt: missedDueAt, limitDays: graceWorkingDays });
    // 主送机关 by name when the catalog knows the department; the letter prints its code otherwise
    const addresseeName = await calendar.getDepartment({ code: obligation.departmentCode }).then(
      (d) => d.name,
      () => undefined,
    );
    if (watch.done()) return false;
    const key = claimKey(kind);
    const letter = await escalation.issueLetter({ claimKey: key, kind, office, obligation, missedDueAt, replyDueAt, addresseeName });
    reach({
      rung: kind,
      claimKey: key,
      firedAt: new Date().toISOString(),
      dueAt: missedDueAt,
      letter: { letterId: letter.letterId, number: letter.number, replyDueAt: letter.replyDueAt },
    });
    return true;
  }
}
