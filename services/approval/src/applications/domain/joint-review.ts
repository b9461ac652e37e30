import { JointReviewOpinion, JointReviewOpinions } from '@cityworks/contracts';
import { RuleViolation } from '@cityworks/platform';

/**
 * 联合审图, 联合验收: one application reviewed by several departments (参与部门) besides the
 * implementing one. Each participant answers once; the implementing department decides only when
 * all have answered. The rules over the participant list live here; Application applies them.
 */

/** One participating department (参与部门) and its answer; opinion, note and givenAt are null until it answers. */
export interface JointReviewParticipant {
  departmentCode: string;
  opinion: JointReviewOpinion | null;
  note: string | null;
  givenAt: Date | null;
}

export const JOINT_REVIEW_MAX_PARTICIPANTS = 20;
/** the same code format as every department code the service takes */
export const DEPARTMENT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** a refusal gives its reasons, a conditional agreement its conditions */
const NEEDS_NOTE: readonly JointReviewOpinion[] = ['不同意', '有条件同意'];

/**
 * The participants named at 受理, none answered yet. Null or an empty list means no joint review;
 * otherwise 1–20 distinct codes, none the implementing department itself (it decides, it does not
 * give an opinion to itself).
 */
export function participantsNamed(codes: readonly string[] | null | undefined, implementingDepartmentCode: string): JointReviewParticipant[] {
  if (!codes || codes.length === 0) return [];
  if (codes.length > JOINT_REVIEW_MAX_PARTICIPANTS)
    throw new RuleViolation(
      `participatingDepartmentCodes names ${codes.length} departments; a joint review has at most ${JOINT_REVIEW_MAX_PARTICIPANTS}`,
      'rule',
    );
  const malformed = codes.filter((code) => typeof code !== 'string' || !DEPARTMENT_CODE_PATTERN.test(code));
  if (malformed.length)
    throw new RuleViolation(`participatingDepartmentCodes ${malformed.join(', ')} must be 1–64 letters, digits, dots, underscores or hyphens`, 'rule');
  const repeated = codes.filter((code, i) => codes.indexOf(code) !== i);
  if (repeated.length) throw new RuleViolation(`participatingDepartmentCodes names ${[...new Set(repeated)].join(', ')} more than once`, 'rule');
  if (codes.includes(implementingDepartmentCode))
    throw new RuleViolation(
      `participatingDepartmentCodes must not name the implementing department ${implementingDepartmentCode}: it decides, and does not give itself an opinion`,
      'rule',
    );
  return codes.map((departmentCode) => ({ departmentCode, opinion: null, note: null, givenAt: null }));
}

/** The participants that have not answered yet, in the order they were named. */
export function waitingParticipants(participants: readonly JointReviewParticipant[]): string[] {
  return participants.filter((p) => p.opinion === null).map((p) => p.departmentCode);
}

/**
 * The participants once `departmentCode` has answered: only a participant, once (409 the second
 * time), with a note for a refusal or a conditional agreement (422). The caller checks that the
 * application is still undecided.
 */
export function withOpinion(
  participants: readonly JointReviewParticipant[],
  departmentCode: string,
  opinion: JointReviewOpinion,
  note: string | null,
  now: Date,
): JointReviewParticipant[] {
  const participant = participants.find((p) => p.departmentCode === departmentCode);
  if (!participant) throw new RuleViolation(`department ${departmentCode} is not a participating department (参与部门) of this joint review`, 'rule');
  if (participant.opinion !== null)
    throw new RuleViolation(
      `department ${departmentCode} gave its opinion (${participant.opinion}) on ${participant.givenAt?.toISOString()} already; an opinion is given once`,
    );
  if (!(JointReviewOpinions as readonly string[]).includes(opinion))
    throw new RuleViolation(`opinion must be one of ${JointReviewOpinions.join(', ')}`, 'rule');
  const stated = note?.trim() ? note : null;
  if (NEEDS_NOTE.includes(opinion) && !stated)
    throw new RuleViolation(`note is required when the opinion is ${opinion} (${opinion === '不同意' ? 'the reasons' : 'the conditions'})`, 'rule');
  return participants.map((p) => (p === participant ? { departmentCode, opinion, note: stated, givenAt: now } : { ...p }));
}
