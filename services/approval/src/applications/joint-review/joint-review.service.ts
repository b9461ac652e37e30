import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuthUser, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { ServiceCalendar } from '@cityworks/calendar-sync';
import { mayRead } from '@cityworks/platform';
import { applicationTiming } from '../domain/application-timing';
import { ApplicationsRepository } from '../persistence/applications.repository';
import { ApplicationView } from '../views/application.view';
import { GiveJointReviewOpinionDto } from './dto/give-joint-review-opinion.dto';

const RESOURCE = 'application';

/**
 * 联合审图/联合验收: the participating departments' side of an application. Who may answer is
 * checked here (a user of a participating department); what may happen is the model's
 * (Application.giveJointReviewOpinion over domain/joint-review.ts).
 */
@Injectable()
export class JointReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly applications: ApplicationsRepository,
    private readonly calendar: ServiceCalendar,
  ) {}

  /** A participating department gives its opinion, once, in the name of the caller's department. */
  async giveOpinion(user: AuthUser, id: string, dto: GiveJointReviewOpinionDto): Promise<ApplicationView> {
    const now = new Date();
    const application = await this.uow.run(async (change) => {
      const current = await this.applications.lockForChange(change.manager, id);
      // another department's application does not exist, as far as this caller can tell
      if (!current || !mayRead(user, ...current.concernedDepartmentCodes)) throw new NotFoundException(`application ${id} not found`);
      // the opinion is the department's own: the 工改办 reads everything but answers for no participant
      if (!current.isJointReviewParticipant(user.departmentCode))
        throw new ForbiddenException(`department ${user.departmentCode} is not a participating department (参与部门) of application ${id}`);
      const transition = current.giveJointReviewOpinion(user.departmentCode, dto.opinion, dto.note ?? null, now);
      await this.applications.save(change.manager, current);
      change.record({ type: RESOURCE, id }, transition, Topics.approval);
      return current;
    });
    return ApplicationView.of(application, applicationTiming(application.snapshot, this.calendar.current, now));
  }
}
