import { refusalOf } from './complaint-lifecycle';

describe('complaint lifecycle', () => {
  it('allows received → acknowledged → answered', () => {
    expect(refusalOf('acknowledge', 'received', 'c1')).toBeUndefined();
    expect(refusalOf('answer', 'acknowledged', 'c1')).toBeUndefined();
  });

  it('refuses skipping the acknowledgement', () => {
    expect(refusalOf('answer', 'received', 'c1')).toBe('complaint c1 must be acknowledged before it is answered');
  });

  it('refuses doing a step twice or going back', () => {
    expect(refusalOf('acknowledge', 'acknowledged', 'c1')).toBe('complaint c1 is already acknowledged; it cannot be acknowledged again');
    expect(refusalOf('acknowledge', 'answered', 'c1')).toBe('complaint c1 is already answered; it cannot be acknowledged again');
    expect(refusalOf('answer', 'answered', 'c1')).toBe('complaint c1 is already answered; it cannot be answered again');
  });
});
