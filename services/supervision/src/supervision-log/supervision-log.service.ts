import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { mayAct, mayRead } from '@cityworks/platform';
import { SupervisionActionsRepository } from '../actions/persistence/supervision-actions.repository';
import { SupervisionActionsService } from '../actions/supervision-actions.service';
import { SupervisionLogRepository } from './persistence/supervision-log.repository';
import { SupervisionLogWriter } from './supervision-log.writer';
import { LogEntryView, SupervisionLogView } from './views/log-entry.view';
import { AppendLogEntryDto } from './dto/append-log-entry.dto';

/** 监管日志 through the API: the action's department appends steps, whoever may read the action reads them. */
@Injectable()
export class SupervisionLogService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly log: SupervisionLogRepository,
    private readonly writer: SupervisionLogWriter,
    private readonly actions: SupervisionActionsRepository,
    private readonly actionsService: SupervisionActionsService,
  ) {}

  async append(user: AuthUser, actionId: string, dto: AppendLogEntryDto): Promise<LogEntryView> {
    const entry = await this.uow.run(async (change) => {
      const action = await this.actions.lockForChange(change.manager, actionId);
      if (!action || !mayRead(user, action.snapshot.departmentCode)) throw new NotFoundException(`supervision action ${actionId} not found`);
      if (!mayAct(user, action.snapshot.departmentCode))
        throw new ForbiddenException(`only ${action.snapshot.departmentCode}, whose action it is, writes its 监管日志`);
      const input = {
        step: dto.step,
        at: new Date(dto.at),
        note: dto.note ?? null,
        attachments: dto.attachments ?? [],
        actorUserId: user.userId,
        actorDepartmentCode: user.departmentCode ?? null,
      };
      return this.writer.appendIn(change, change.manager, actionId, input, new Date());
    });
    return LogEntryView.of(entry);
  }

  async read(user: AuthUser, actionId: string): Promise<SupervisionLogView> {
    await this.actionsService.readable(user, actionId);
    const entries = await this.log.of(actionId);
    return Object.assign(new SupervisionLogView(), { actionId, entries: entries.map(LogEntryView.of) });
  }
}
