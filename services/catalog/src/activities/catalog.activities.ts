import { BadRequestException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type {
  ApprovalItemSnapshot,
  CatalogActivities,
  CalendarDayAnswer,
  DepartmentSnapshot,
  LetterOffice,
  RequiredItemsQuery,
  RequiredItemsResult,
  SupervisionItemSnapshot,
  WorkingDayAnswer,
} from '@cityworks/contracts';
import { flattenValidationErrors } from '@cityworks/platform';
import { ApprovalItemsService } from '../approval-items/approval-items.service';
import { SupervisionItemsService } from '../supervision-items/supervision-items.service';
import { StageTemplatesService } from '../stage-templates/stage-templates.service';
import { CalendarService } from '../calendar/calendar.service';
import { RequiredItemsQueryDto } from '../stage-templates/dto/stage-template-requests.dto';
import { AsOfQuery } from '../versioning/dto/version-meta.dto';
import { AddWorkingDaysQuery, BetweenQuery, DueQuery, SubtractWorkingDaysQuery } from '../calendar/dto/calendar-requests.dto';
import { CodePipe, DatePipe, RegionCodePipe } from '../common/pipes';
import { DepartmentsService } from '../departments/departments.service';

/**
 * Activities on task queue `catalog`: reads for workflows. Input is checked with the HTTP
 * DTOs; what cannot succeed on retry (bad input, unknown item) fails at once, not five times.
 */
@Injectable()
export class CatalogActivitiesImpl implements CatalogActivities {
  constructor(
    private readonly approvalItems: ApprovalItemsService,
    private readonly supervisionItems: SupervisionItemsService,
    private readonly templates: StageTemplatesService,
    private readonly calendar: CalendarService,
    private readonly departments: DepartmentsService,
  ) {}

  requiredItemsForStage(input: RequiredItemsQuery): Promise<RequiredItemsResult> {
    return final(async () => {
      const query = await checked(RequiredItemsQueryDto, input);
      return this.templates.requiredItems({ ...query, facts: { ...(query.facts ?? {}) } });
    });
  }

  getApprovalItem(input: { code: string; regionCode: string; asOf?: string }): Promise<ApprovalItemSnapshot> {
    return final(async () => {
      const { regionCode, asOf } = await checked(AsOfQuery, { regionCode: input.regionCode, asOf: input.asOf });
      return this.approvalItems.get(String(input.code), regionCode, asOf);
    });
  }

  getSupervisionItem(input: { code: string; regionCode: string; asOf?: string }): Promise<SupervisionItemSnapshot> {
    return final(async () => {
      const { regionCode, asOf } = await checked(AsOfQuery, { regionCode: input.regionCode, asOf: input.asOf });
      return this.supervisionItems.get(String(input.code), regionCode, asOf);
    });
  }

  addWorkingDays(input: { start: string; days: number }): Promise<WorkingDayAnswer> {
    return final(async () => {
      const q = await checked(AddWorkingDaysQuery, input);
      return this.calendar.addWorkingDays(q.start, q.days);
    });
  }

  subtractWorkingDays(input: { date: string; days: number }): Promise<WorkingDayAnswer> {
    return final(async () => {
      const q = await checked(SubtractWorkingDaysQuery, input);
      return this.calendar.subtractWorkingDays(q.date, q.days);
    });
  }

  workingDaysBetween(input: { from: string; to: string }): Promise<{ days: number; provisional: boolean }> {
    return final(async () => {
      const q = await checked(BetweenQuery, input);
      return this.calendar.workingDaysBetween(q.from, q.to);
    });
  }

  isWorkingDay(input: { date: string }): Promise<CalendarDayAnswer> {
    return final(async () => this.calendar.day(new DatePipe().transform(input?.date)));
  }

  letterOfficeFor(input: { regionCode: string }): Promise<LetterOffice> {
    return final(async () => this.departments.letterOfficeFor(new RegionCodePipe().transform(String(input?.regionCode ?? ''))));
  }

  getDepartment(input: { code: string }): Promise<DepartmentSnapshot> {
    return final(async () => {
      const { code, name, regionCode, kind } = await this.departments.get(new CodePipe().transform(String(input?.code ?? '')));
      return { code, name, regionCode, kind };
    });
  }

  dueInstant(input: {
    acceptedAt: string;
    limitDays: number;
    suspendedWorkingDays?: number;
  }): Promise<{ dueAt: string; dueDate: string; provisional: boolean }> {
    return final(async () => {
      const q = await checked(DueQuery, input);
      return this.calendar.dueInstant(q.acceptedAt, q.limitDays, q.suspendedWorkingDays ?? 0);
    });
  }
}

async function checked<T extends object>(dto: new () => T, input: unknown): Promise<T> {
  const instance = plainToInstance(dto, input ?? {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    throw new BadRequestException({
      message: flattenValidationErrors(errors)
        .map((e) => `${e.field}: ${Object.values(e.rules).join('; ')}`)
        .join('; '),
    });
  }
  return instance;
}

/** Not found and bad input are final: Temporal must not retry them. */
async function final<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof NotFoundException) throw ApplicationFailure.nonRetryable(e.message, 'NotFound');
    if (e instanceof HttpException && e.getStatus() < 500) {
      const body = e.getResponse() as { message?: unknown };
      throw ApplicationFailure.nonRetryable(typeof body?.message === 'string' ? body.message : e.message, 'InvalidInput', body);
    }
    throw e;
  }
}
