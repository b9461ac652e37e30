import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import type { ApplicationFigures, ApplicationSample, OversightPeriodRange, SampleFinishedApplicationsInput, SampledApplication } from '@cityworks/contracts';
import { invalid } from '@cityworks/platform';
import { ApplicationsRepository } from '../applications/persistence/applications.repository';
import type { ApplicationState } from '../applications/domain/application';
import { applicationTiming } from '../applications/domain/application-timing';
import { applicationFiguresByDepartment, periodApplications } from './domain/application-figures';
import { isSeed, populationDigest, seededSample } from './domain/seeded-sample';

/** The largest sample a report may draw. */
export const MAX_SAMPLE_SIZE = 500;

/**
 * What approval contributes to the 工改办's oversight reports, read from its own records: the
 * application figures per implementing department and the seeded sample of finished
 * applications. Read only: nothing is changed, so nothing goes through the unit of work.
 */
@Injectable()
export class OversightFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly calendar: ServiceCalendar,
  ) {}

  async applicationFigures(input: OversightPeriodRange): Promise<ApplicationFigures> {
    const { from, to } = checkedRange(input);
    const asOf = new Date();
    const period = periodApplications(await this.candidates(from, to), from, to);
    const end = to < asOf ? to : asOf;
    return { asOf: asOf.toISOString(), departments: applicationFiguresByDepartment(period, this.calendar.current, end) };
  }

  async sampleFinishedApplications(input: SampleFinishedApplicationsInput): Promise<ApplicationSample> {
    const { from, to } = checkedRange(input);
    const problems = [];
    if (typeof input.seed !== 'number' || !isSeed(input.seed))
      problems.push({ field: 'seed', rules: { isSeed: 'seed must be an integer from 0 to 4294967295' } });
    if (typeof input.size !== 'number' || !Number.isInteger(input.size) || input.size < 1 || input.size > MAX_SAMPLE_SIZE)
      problems.push({ field: 'size', rules: { range: `size must be an integer from 1 to ${MAX_SAMPLE_SIZE}` } });
    if (problems.length) throw invalid(problems);
    const finished = periodApplications(await this.candidates(from, to), from, to).decided;
    const drawn = seededSample(finished, (a) => a.id, input.seed, input.size);
    return {
      seed: input.seed,
      size: input.size,
      populationSize: finished.length,
      populationDigest: populationDigest(finished.map((a) => a.id)),
      items: drawn.map((a) => this.sampled(a)),
    };
  }

  private sampled(a: ApplicationState): SampledApplication {
    const timing = applicationTiming(a, this.calendar.current, a.decidedAt ?? new Date());
    return {
      applicationId: a.id,
      projectCode: a.projectCode,
      itemCode: a.itemCode,
      departmentCode: a.departmentCode,
      status: a.status as SampledApplication['status'],
      acceptedAt: a.acceptedAt.toISOString(),
      decidedAt: a.decidedAt!.toISOString(),
      timeLimitWorkingDays: timing?.timeLimitWorkingDays ?? null,
      usedWorkingDays: timing?.usedWorkingDays ?? null,
      decidedWithinLimit: timing?.decidedWithinLimit ?? null,
    };
  }

  /**
   * The applications a period's report may count (decided in it, or accepted before its end and
   * still undecided) and those accepted between them: read from the earliest acceptance among
   * them, through the applications repository, and narrowed by `periodApplications`.
   */
  private async candidates(from: Date, to: Date): Promise<ApplicationState[]> {
    const [{ earliest }] = (await this.dataSource.query(
      `SELECT min(accepted_at) AS earliest FROM applications
        WHERE (decided_at >= $1 AND decided_at < $2) OR (decided_at IS NULL AND accepted_at < $2)`,
      [from, to],
    )) as { earliest: Date | null }[];
    if (!earliest) return [];
    return this.applications.acceptedBetween(new Date(earliest), to, undefined);
  }
}

function checkedRange(input: OversightPeriodRange): { from: Date; to: Date } {
  const from = new Date(input?.from);
  const to = new Date(input?.to);
  const problems = [];
  if (Number.isNaN(from.getTime())) problems.push({ field: 'from', rules: { isIso8601: 'from must be an ISO 8601 instant' } });
  if (Number.isNaN(to.getTime())) problems.push({ field: 'to', rules: { isIso8601: 'to must be an ISO 8601 instant' } });
  else if (!Number.isNaN(from.getTime()) && to <= from) problems.push({ field: 'to', rules: { isAfter: 'to must be after from' } });
  if (problems.length) throw invalid(problems);
  return { from, to };
}
