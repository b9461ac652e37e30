import type { PublicationKind } from '@cityworks/contracts';
import { RuleViolation, Transition } from '@cityworks/platform';
import { missingFields, NATIONAL_FIELDS, NationalRecord, nationalShape } from './national-fields';

/** `withdrawn`: the decision was revoked (撤销) — nothing to publish, and off the register if it was on it */
export type PublicationStatus = 'pending' | 'published' | 'withdrawn';

/** 双公示 of one decision, as the model sees it. */
export interface PublicationState {
  id: string;
  kind: PublicationKind;
  /** the deciding department, which publishes */
  departmentCode: string;
  uscc: string;
  status: PublicationStatus;
  fields: NationalRecord;
  /** China day of the decision */
  decisionDate: string;
  dueAt: Date;
  /** the last day it stays on the public register (公示截止期) */
  publicUntil: string;
  publishedAt: Date | null;
  publishedBy: string | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
}

/** The fields the department may complete or correct before publishing; the subject code and dates the decision fixed are not among them. */
export const EDITABLE_FIELDS: Record<PublicationKind, readonly string[]> = {
  permit: NATIONAL_FIELDS.permit.map((f) => f.field).filter((f) => !['uscc', 'decisionDate'].includes(f)),
  penalty: NATIONAL_FIELDS.penalty.map((f) => f.field).filter((f) => !['uscc', 'decisionDate', 'publicUntil'].includes(f)),
};

/**
 * Completes or corrects national fields while the publication is pending (a permit event names
 * neither the 许可文书号 nor the 许可内容; a 违法事实 may need 去标识化 before it goes public).
 * A published record is not edited here: a correction after publication is a new decision.
 */
export function completeFields(state: PublicationState, changes: NationalRecord): { state: PublicationState; transition: Transition | null } {
  if (state.status !== 'pending') throw new RuleViolation(`publication ${state.id} is already ${state.status}; it is not edited afterwards`);
  const allowed = EDITABLE_FIELDS[state.kind];
  const unknown = Object.keys(changes).filter((k) => !allowed.includes(k));
  if (unknown.length) throw new RuleViolation(`${unknown.join(', ')} cannot be set on a ${state.kind} publication (allowed: ${allowed.join(', ')})`, 'rule');
  const changed = Object.keys(changes).filter((k) => (changes[k] ?? null) !== (state.fields[k] ?? null));
  if (!changed.length) return { state, transition: null };
  const fields = nationalShape(state.kind, { ...state.fields, ...changes });
  if (fields.validFrom && fields.validTo && fields.validTo < fields.validFrom)
    throw new RuleViolation(`validTo ${fields.validTo} is before validFrom ${fields.validFrom}`, 'rule');
  return {
    state: { ...state, fields },
    transition: { action: 'publication.completed', before: null, after: { changed, missing: missingFields(state.kind, fields) }, events: [] },
  };
}

/** 公示: the department publishes; every required national field must be there. */
export function publish(state: PublicationState, by: string, now: Date): { state: PublicationState; transition: Transition } {
  if (state.status === 'published') throw new RuleViolation(`publication ${state.id} was published at ${state.publishedAt?.toISOString()}`);
  if (state.status === 'withdrawn') throw new RuleViolation(`publication ${state.id} was withdrawn: ${state.withdrawnReason}`);
  const missing = missingFields(state.kind, state.fields);
  if (missing.length) throw new RuleViolation(`publication ${state.id} lacks ${missing.join(', ')}: complete them (PATCH) before publishing`, 'rule');
  const onTime = now <= state.dueAt;
  return {
    state: { ...state, status: 'published', publishedAt: now, publishedBy: by },
    transition: {
      action: 'publication.published',
      before: { status: 'pending' },
      after: { status: 'published', dueAt: state.dueAt.toISOString(), onTime, publicUntil: state.publicUntil },
      events: [],
    },
  };
}

/**
 * 撤销: the decision was revoked, so there is nothing (more) to publish; a published one leaves the
 * public register. Once only: a repeated revocation changes nothing (null).
 */
export function withdraw(state: PublicationState, reason: string, at: Date): { state: PublicationState; transition: Transition } | null {
  if (state.status === 'withdrawn') return null;
  return {
    state: { ...state, status: 'withdrawn', withdrawnAt: at, withdrawnReason: reason },
    transition: {
      action: 'publication.withdrawn',
      before: { status: state.status },
      after: { status: 'withdrawn', wasPublished: state.status === 'published' },
      events: [],
    },
  };
}
