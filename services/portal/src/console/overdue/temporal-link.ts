/** Where the operator's Temporal UI is: TEMPORAL_UI_URL (default the dev server's) and the namespace. */
export interface TemporalUi {
  baseUrl: string;
  namespace: string;
}

export function temporalUi(env: NodeJS.ProcessEnv = process.env): TemporalUi {
  return { baseUrl: (env.TEMPORAL_UI_URL ?? 'http://127.0.0.1:8233').replace(/\/+$/, ''), namespace: env.TEMPORAL_NAMESPACE ?? 'default' };
}

// the workflow each obligation kind's ladder runs in (libs/contracts/src/workflows)
const WORKFLOW_ID_OF: Record<string, (id: string) => string> = {
  application: (id) => `application-${id}`,
  'supervision-feedback': (id) => `supervision-task-${id}`,
  complaint: (id) => `complaint-${id}`,
  publication: (id) => `publication-${id}`,
  'action-report': (id) => `action-report-${id}`,
  'inspection-feedback': (id) => `inspection-task-${id}`,
  'campaign-results': (id) => `campaign-${id}`,
};

/**
 * The obligation's workflow in the Temporal UI: its own page when the kind names one workflow,
 * else a search for running workflows of the obligation's project.
 */
export function temporalLink(ui: TemporalUi, obligation: { kind: string; id: string; projectCode: string | null }): string {
  const base = `${ui.baseUrl}/namespaces/${encodeURIComponent(ui.namespace)}/workflows`;
  const workflowId = WORKFLOW_ID_OF[obligation.kind]?.(obligation.id);
  if (workflowId) return `${base}?query=${encodeURIComponent(`WorkflowId = '${workflowId}'`)}`;
  const query = obligation.projectCode ? `ProjectCode = '${obligation.projectCode.replace(/'/g, '')}'` : `ObligationKind = '${obligation.kind}'`;
  return `${base}?query=${encodeURIComponent(query)}`;
}

export const TEMPORAL_UI = Symbol('TEMPORAL_UI');
