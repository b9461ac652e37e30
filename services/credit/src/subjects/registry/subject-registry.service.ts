import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { Page } from '@cityworks/platform';
import { mergeSubjectFacts, SubjectFacts, subjectKindOf } from './subject';
import { Practitioner, Subject } from './subject.entity';
import { ListSubjectsQuery, PractitionerView, PutPractitionerDto, PutSubjectDto, SubjectView } from './dto/subject.dto';

/**
 * 市场主体 and 从业人员 the credit office knows: typed in, or learnt from decisions that name them
 * (a penalty's 行政相对人, a permit's applicant). Facts are kept newest-known-first per subject.
 */
@Injectable()
export class SubjectRegistryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async put(uscc: string, dto: PutSubjectDto): Promise<SubjectView> {
    const saved = await this.uow.run((change) =>
      this.learn(change, {
        uscc,
        name: dto.name.trim(),
        legalRepresentative: dto.legalRepresentative?.trim() ?? null,
        regionCode: dto.regionCode ?? null,
        asOf: new Date(),
        source: 'api',
      }),
    );
    return SubjectView.of(saved);
  }

  /**
   * Records what is now known of a subject in the caller's transaction, audited; an older fact than
   * the stored one changes nothing. Answers the subject as stored afterwards.
   */
  async learn(change: StateChange, facts: SubjectFacts): Promise<Subject> {
    const { manager } = change;
    // one writer per subject: two events naming it at once must not both insert
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`subject:${facts.uscc}`]);
    const stored = await manager.findOne(Subject, { where: { uscc: facts.uscc } });
    const before: SubjectFacts | null = stored
      ? {
          uscc: stored.uscc,
          name: stored.name,
          legalRepresentative: stored.legalRepresentative,
          regionCode: stored.regionCode,
          asOf: stored.infoAsOf,
          source: stored.infoSource,
        }
      : null;
    // null: nothing newer to store (only possible when something is stored)
    const merged = mergeSubjectFacts(before, facts);
    if (!merged && stored) return stored;
    const next = merged ?? facts;
    const subject = manager.create(Subject, {
      ...(stored ?? {}),
      uscc: next.uscc,
      kind: subjectKindOf(next.uscc),
      name: next.name,
      legalRepresentative: next.legalRepresentative,
      regionCode: next.regionCode,
      infoAsOf: next.asOf,
      infoSource: next.source,
    });
    await manager.save(Subject, subject);
    change.audit({
      action: stored ? 'subject.updated' : 'subject.registered',
      resourceType: 'subject',
      resourceId: next.uscc,
      // which facts changed and from where, not the names themselves
      before: stored ? { infoSource: stored.infoSource, infoAsOf: stored.infoAsOf.toISOString() } : null,
      after: {
        infoSource: next.source,
        infoAsOf: next.asOf.toISOString(),
        changed: (['name', 'legalRepresentative', 'regionCode'] as const).filter((f) => before?.[f] !== next[f]),
      },
    });
    return subject;
  }

  async get(uscc: string): Promise<SubjectView> {
    const subject = await this.dataSource.manager.findOne(Subject, { where: { uscc } });
    if (!subject) throw new NotFoundException(`no subject ${uscc} is known to the credit office`);
    return SubjectView.of(subject);
  }

  async list(query: ListSubjectsQuery): Promise<Page<SubjectView>> {
    const qb = this.dataSource.manager.createQueryBuilder(Subject, 's');
    if (query.q) {
      const q = query.q.trim();
      qb.where(`(strpos(lower(s.name), lower(:q)) > 0 OR s.uscc LIKE :prefix)`, { q, prefix: `${q.toUpperCase().replace(/[%_\\]/g, '')}%` });
    }
    const [items, total] = await qb
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.uscc', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: items.map(SubjectView.of), total, page: query.page, pageSize: query.pageSize };
  }

  async putPractitioner(certificateNumber: string, dto: PutPractitionerDto): Promise<PractitionerView> {
    return this.uow.run(async (change) => {
      const { manager } = change;
      const employer = await manager.findOne(Subject, { where: { uscc: dto.employerUscc } });
      if (!employer)
        throw new UnprocessableEntityException({
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: `employerUscc ${dto.employerUscc} is not a subject the credit office knows: register the employer first (PUT /subjects/${dto.employerUscc})`,
          errors: [{ field: 'employerUscc', rules: { knownSubject: 'employerUscc must name a registered subject' } }],
        });
      const stored = await manager.findOne(Practitioner, { where: { certificateNumber } });
      const practitioner = manager.create(Practitioner, {
        ...(stored ?? {}),
        certificateNumber,
        name: dto.name.trim(),
        qualification: dto.qualification.trim(),
        employerUscc: dto.employerUscc,
      });
      await manager.save(Practitioner, practitioner);
      change.audit({
        action: stored ? 'practitioner.updated' : 'practitioner.registered',
        resourceType: 'practitioner',
        resourceId: certificateNumber,
        before: stored ? { employerUscc: stored.employerUscc, qualification: stored.qualification } : null,
        after: { employerUscc: practitioner.employerUscc, qualification: practitioner.qualification },
      });
      return PractitionerView.of(practitioner, employer);
    });
  }

  async getPractitioner(certificateNumber: string): Promise<PractitionerView> {
    const practitioner = await this.dataSource.manager.findOne(Practitioner, { where: { certificateNumber } });
    if (!practitioner) throw new NotFoundException(`no practitioner with certificate ${certificateNumber}`);
    const employer = await this.dataSource.manager.findOneOrFail(Subject, { where: { uscc: practitioner.employerUscc } });
    return PractitionerView.of(practitioner, employer);
  }

  async practitionersOf(uscc: string, manager: EntityManager = this.dataSource.manager): Promise<PractitionerView[]> {
    const employer = await manager.findOne(Subject, { where: { uscc } });
    if (!employer) throw new NotFoundException(`no subject ${uscc} is known to the credit office`);
    const practitioners = await manager.find(Practitioner, { where: { employerUscc: uscc }, order: { certificateNumber: 'ASC' } });
    return practitioners.map((p) => PractitionerView.of(p, employer));
  }
}
