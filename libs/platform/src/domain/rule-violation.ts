/**
 * A business rule refused a transition: deciding an application twice, giving feedback on a
 * closed task. Domain models throw it without knowing about HTTP; the error filter answers 409
 * (the resource's state forbids it) or 422 (the request breaks a rule whatever the state), and
 * activities and event consumers treat it as final — retrying cannot make the rule pass.
 */
export class RuleViolation extends Error {
  constructor(
    message: string,
    /** `state`: refused because of the resource's current state; `rule`: refused whatever the state */
    readonly kind: 'state' | 'rule' = 'state',
  ) {
    super(message);
    this.name = 'RuleViolation';
  }

  get httpStatus(): 409 | 422 {
    return this.kind === 'state' ? 409 : 422;
  }
}
