import { temporalLink, temporalUi } from './temporal-link';

describe('the Temporal UI link of a late obligation', () => {
  const ui = temporalUi({ TEMPORAL_UI_URL: 'http://temporal.example:8233/', TEMPORAL_NAMESPACE: 'cityworks' });

  it('opens the obligation’s own workflow when its kind names one', () => {
    expect(temporalLink(ui, { kind: 'application', id: 'a1', projectCode: 'P-1' })).toBe(
      `http://temporal.example:8233/namespaces/cityworks/workflows?query=${encodeURIComponent("WorkflowId = 'application-a1'")}`,
    );
    expect(temporalLink(ui, { kind: 'supervision-feedback', id: 't1', projectCode: null })).toContain(encodeURIComponent("'supervision-task-t1'"));
  });

  it('searches the project’s workflows otherwise, quotes taken out of the code', () => {
    expect(temporalLink(ui, { kind: 'commitment-review', id: 'c1', projectCode: "P-'1" })).toBe(
      `http://temporal.example:8233/namespaces/cityworks/workflows?query=${encodeURIComponent("ProjectCode = 'P-1'")}`,
    );
    expect(temporalLink(ui, { kind: 'letter-reply', id: 'l1', projectCode: null })).toContain(encodeURIComponent("ObligationKind = 'letter-reply'"));
  });

  it('defaults to the dev server’s UI and namespace', () => {
    expect(temporalUi({})).toEqual({ baseUrl: 'http://127.0.0.1:8233', namespace: 'default' });
  });
});
