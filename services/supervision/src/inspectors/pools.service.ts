import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser, Topics } from '@cityworks/contracts';
import { UnitOfWork } from '@cityworks/messaging';
import { mayAct } from '@cityworks/platform';
import { PoolKind, PoolMemberState, withRelative } from './domain/pool-member';
import { ListPoolQuery, RegisterPoolMemberDto, RelativeRelationDto } from './dto/pool-member.dto';
import { PoolMembersRepository } from './persistence/pool-members.repository';
import { PoolMemberPageView, PoolMemberView } from './views/pool-member.view';

const NAMES: Record<PoolKind, string> = { inspector: '执法人员', expert: '专家' };

/** 执法人员库 and 专家库: registered by a department for itself (the 工改办 for any), listed by department, region and specialty. */
@Injectable()
export class PoolsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly members: PoolMembersRepository,
  ) {}

  async register(user: AuthUser, kind: PoolKind, dto: RegisterPoolMemberDto): Promise<PoolMemberView> {
    if (kind === 'inspector' && !dto.departmentCode)
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'departmentCode is required for an inspector (执法人员 serve a department)',
      });
    if (dto.departmentCode && !mayAct(user, dto.departmentCode)) throw new ForbiddenException(`you may register ${NAMES[kind]} of your own department only`);
    const member: PoolMemberState = {
      id: randomUUID(),
      kind,
      name: dto.name.trim(),
      departmentCode: dto.departmentCode ?? null,
      regionCode: dto.regionCode,
      certificateNumber: dto.certificateNumber,
      specialties: [...new Set(dto.specialties.map((s) => s.trim()))],
      employerUscc: dto.employerUscc ?? null,
      relatives: [],
      registeredAt: new Date(),
      registeredBy: user.userId,
    };
    const withRelatives = (dto.relatives ?? []).reduce((m, r) => withRelative(m, r) ?? m, member);
    return this.uow.run(async (change) => {
      if (await this.members.certificateTaken(change.manager, kind, dto.certificateNumber))
        throw new ConflictException(`certificate number ${dto.certificateNumber} is registered in the ${NAMES[kind]}库 already`);
      await this.members.insert(change.manager, withRelatives);
      change.record(
        { type: `pool-${kind}`, id: member.id },
        {
          action: `pool.${kind}-registered`,
          before: null,
          after: { certificateNumber: member.certificateNumber, departmentCode: member.departmentCode },
          events: [],
        },
        Topics.supervision,
      );
      return PoolMemberView.of(withRelatives);
    });
  }

  /** 回避 recorded after registration: a relative relation with a subject. */
  async addRelative(user: AuthUser, kind: PoolKind, id: string, dto: RelativeRelationDto): Promise<PoolMemberView> {
    return this.uow.run(async (change) => {
      const member = await this.members.lock(change.manager, kind, id);
      if (!member) throw new NotFoundException(`${kind} ${id} not found`);
      if (member.departmentCode ? !mayAct(user, member.departmentCode) : !mayAct(user))
        throw new ForbiddenException(`${kind} ${id} belongs to department ${member.departmentCode}`);
      const next = withRelative(member, dto);
      if (!next) return PoolMemberView.of(member);
      await this.members.save(change.manager, next);
      change.record(
        { type: `pool-${kind}`, id },
        { action: `pool.relative-recorded`, before: null, after: { uscc: dto.uscc, relation: dto.relation }, events: [] },
        Topics.supervision,
      );
      return PoolMemberView.of(next);
    });
  }

  async list(kind: PoolKind, query: ListPoolQuery): Promise<PoolMemberPageView> {
    const { items, total } = await this.members.page(
      { kind, departmentCodes: query.departmentCode ? [query.departmentCode] : undefined, regionCode: query.regionCode, specialty: query.specialty },
      query.page,
      query.pageSize,
    );
    return { items: items.map(PoolMemberView.of), total, page: query.page, pageSize: query.pageSize };
  }
}
