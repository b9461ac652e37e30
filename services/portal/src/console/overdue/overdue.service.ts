import { HttpException, Inject, Injectable } from '@nestjs/common';
import { UpstreamClient } from '../../upstream/upstream-client';
import type { EscalationStepSummary, LetterSummary, Page } from '../overview/upstream-shapes';
import { TEMPORAL_UI, TemporalUi, temporalLink } from './temporal-link';
import { OverdueItemView, OverduePageView } from './overdue.view';
import { OverdueQuery } from './overdue.query';

/**
 * 逾期事项: the ladder's ledger (every rung fired, newest first) for whoever may read it — the
 * 工改办; a department sees the letters addressed to it instead, which are its rungs that carry a letter.
 */
@Injectable()
export class OverdueService {
  constructor(
    private readonly upstream: UpstreamClient,
    @Inject(TEMPORAL_UI) private readonly ui: TemporalUi,
  ) {}

  async list(token: string, query: OverdueQuery): Promise<OverduePageView> {
    const paging = { page: query.page, pageSize: query.pageSize, departmentCode: query.departmentCode };
    try {
      const steps = await this.upstream.json<Page<EscalationStepSummary>>('supervision', '/escalation-steps', {
        token,
        query: { ...paging, step: query.rung },
      });
      return { ...steps, items: steps.items.map((s) => this.ofStep(s)), source: 'escalation-ledger' };
    } catch (e) {
      if (!(e instanceof HttpException) || e.getStatus() !== 403) throw e;
    }
    const kind = query.rung === '提醒函' || query.rung === '督办函' ? query.rung : undefined;
    if (query.rung && !kind) return { items: [], total: 0, page: query.page, pageSize: query.pageSize, source: 'letters' };
    const letters = await this.upstream.json<Page<LetterSummary>>('supervision', '/letters', { token, query: { ...paging, kind } });
    return { ...letters, items: letters.items.map((l) => this.ofLetter(l)), source: 'letters' };
  }

  private ofStep(s: EscalationStepSummary): OverdueItemView {
    return {
      id: s.id,
      rung: s.step,
      departmentCode: s.departmentCode,
      obligationKind: s.obligation.kind,
      obligationId: s.obligation.id,
      title: s.obligation.title,
      projectCode: s.obligation.projectCode,
      dueAt: s.dueAt,
      firedAt: s.firedAt,
      letterId: s.letterId,
      temporalUrl: temporalLink(this.ui, s.obligation),
    };
  }

  private ofLetter(l: LetterSummary): OverdueItemView {
    return {
      id: l.id,
      rung: l.kind,
      departmentCode: l.addressee.departmentCode,
      obligationKind: l.obligation.kind,
      obligationId: l.obligation.id,
      title: l.obligation.title,
      projectCode: l.obligation.projectCode,
      dueAt: l.missedDueAt,
      firedAt: l.issuedAt,
      letterId: l.id,
      temporalUrl: temporalLink(this.ui, l.obligation),
    };
  }
}
