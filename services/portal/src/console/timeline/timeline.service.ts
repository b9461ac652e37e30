import { Injectable } from '@nestjs/common';
import { UpstreamClient } from '../../upstream/upstream-client';
import type { ApplicationSummary, Page, ProjectSummary } from '../overview/upstream-shapes';
import { ApplicationBarView, TimelineView } from './timeline.view';

interface ProjectTiming {
  asOf: string;
  stages: { stage: string; elapsedWorkingDays: number | null; usedWorkingDaysMax: number | null; completed: boolean }[];
  wholeProcess: { elapsedWorkingDays: number | null };
}

const UNSTAGED = '未记录阶段';

/** A project's Gantt from approval's project, its timing and its applications (three reads, in parallel). */
@Injectable()
export class TimelineService {
  constructor(private readonly upstream: UpstreamClient) {}

  async timeline(token: string, code: string): Promise<TimelineView> {
    const path = `/projects/${encodeURIComponent(code)}`;
    const [project, timing, applications] = await Promise.all([
      this.upstream.json<ProjectSummary>('approval', path, { token }),
      this.upstream.json<ProjectTiming>('approval', `${path}/timing`, { token }),
      this.upstream.json<Page<ApplicationSummary>>('approval', '/applications', { token, query: { projectCode: code, pageSize: 200 } }),
    ]);
    const lanes = timing.stages.map((s) => ({ ...s, applications: [] as ApplicationBarView[] }));
    for (const a of applications.items) {
      const stage = a.terms.stage ?? UNSTAGED;
      let lane = lanes.find((l) => l.stage === stage);
      if (!lane) lanes.push((lane = { stage, elapsedWorkingDays: null, usedWorkingDaysMax: null, completed: false, applications: [] }));
      lane.applications.push({
        id: a.id,
        itemCode: a.itemCode,
        departmentCode: a.departmentCode,
        status: a.status,
        acceptedAt: a.acceptedAt,
        decidedAt: a.decidedAt,
        dueAt: a.timing.dueAt,
        usedWorkingDays: a.timing.usedWorkingDays,
        timeLimitWorkingDays: a.timing.timeLimitWorkingDays,
        suspendedWorkingDays: a.timing.suspendedWorkingDays,
        overdue: a.timing.overdue,
        clockStops: a.clockStops.map((c) => ({ reason: c.reason, from: c.from, to: c.to })),
      });
    }
    return {
      project: { code: project.code, name: project.name, type: project.type, stage: project.stage, status: project.status, registeredAt: project.registeredAt },
      asOf: timing.asOf,
      wholeProcessWorkingDays: timing.wholeProcess.elapsedWorkingDays,
      stages: lanes,
    };
  }
}
