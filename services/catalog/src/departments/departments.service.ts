import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In, Not } from 'typeorm';
import { StateChange, UnitOfWork } from '@cityworks/messaging';
import { FieldError, Page } from '@cityworks/platform';
import { fieldError, invalid } from '@cityworks/platform';
import { Region } from '../regions/region.entity';
import { Department } from './department.entity';
import { LetterOffice } from './letter-office.entity';
import { UpsertDepartmentDto } from './dto/upsert-department.dto';
import { ListDepartmentsQuery, ListLetterOfficesQuery } from './dto/list-departments.query';

export interface LetterOfficeView {
  code: string;
  name: string;
  shortName: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
}

/** A letter office as the escalation ladder names it (发文机关). */
export interface LetterOfficeFor {
  code: string;
  name: string;
  shortName: string;
  departmentCode: string;
}

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** Creates or updates a department; its letter offices become exactly the ones given. */
  async upsert(code: string, dto: UpsertDepartmentDto, outer?: EntityManager): Promise<Department> {
    const work = async (change: StateChange) => {
      const { manager } = change;
      const offices = dto.letterOffices ?? [];
      const errors: FieldError[] = [];
      if (!(await manager.exists(Region, { where: { code: dto.regionCode } }))) {
        errors.push(fieldError('regionCode', 'exists', `regionCode ${dto.regionCode} is not a known region`));
      }
      const seen = new Set<string>();
      for (const [i, office] of offices.entries()) {
        for (const key of ['code', 'shortName'] as const) {
          if (seen.has(`${key}:${office[key]}`)) errors.push(fieldError(`letterOffices.${i}.${key}`, 'unique', `letterOffices.${i}.${key} is listed twice`));
          seen.add(`${key}:${office[key]}`);
        }
        const taken = await manager.findOne(LetterOffice, {
          where: [
            { shortName: office.shortName, departmentCode: Not(code) },
            { code: office.code, departmentCode: Not(code) },
          ],
        });
        if (taken)
          errors.push(
            fieldError(`letterOffices.${i}`, 'unique', `letter office ${taken.code} (${taken.shortName}) belongs to department ${taken.departmentCode}`),
          );
      }
      if (errors.length) throw invalid(errors);
      const before = await manager.findOne(Department, { where: { code }, relations: { letterOffices: true } });
      await manager.upsert(Department, { code, name: dto.name, regionCode: dto.regionCode, kind: dto.kind }, ['code']);
      await manager.delete(LetterOffice, { departmentCode: code, ...(offices.length ? { code: Not(In(offices.map((o) => o.code))) } : {}) });
      for (const office of offices) await manager.upsert(LetterOffice, { ...office, departmentCode: code }, ['code']);
      const summary = (d: { name: string; regionCode: string; kind: string; letterOffices?: { code: string; shortName: string }[] }) => ({
        name: d.name,
        regionCode: d.regionCode,
        kind: d.kind,
        letterOffices: (d.letterOffices ?? []).map((o) => ({ code: o.code, shortName: o.shortName })),
      });
      change.audit({
        action: before ? 'department.updated' : 'department.created',
        resourceType: 'department',
        resourceId: code,
        before: before ? summary(before) : null,
        after: summary(dto),
      });
      return this.get(code, manager);
    };
    return outer ? this.uow.runIn(outer, work) : this.uow.run(work);
  }

  async get(code: string, manager: EntityManager = this.dataSource.manager): Promise<Department> {
    const department = await manager.findOne(Department, { where: { code }, relations: { letterOffices: true } });
    if (!department) throw new NotFoundException(`department ${code} not found`);
    return department;
  }

  async list(query: ListDepartmentsQuery): Promise<Page<Department>> {
    const where: FindOptionsWhere<Department> = {};
    if (query.regionCode) where.regionCode = query.regionCode;
    if (query.kind) where.kind = query.kind;
    const [items, total] = await this.dataSource.getRepository(Department).findAndCount({
      where,
      relations: { letterOffices: true },
      order: { code: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async letterOffices(query: ListLetterOfficesQuery): Promise<Page<LetterOfficeView>> {
    const qb = this.dataSource.getRepository(LetterOffice).createQueryBuilder('o').innerJoinAndSelect('o.department', 'd').orderBy('o.code');
    if (query.regionCode) qb.where('d.region_code = :regionCode', { regionCode: query.regionCode });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    // inner join: every office comes with its department
    const items = rows.map(({ department, ...office }) => ({ ...office, regionCode: department?.regionCode ?? '', departmentName: department?.name ?? '' }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * 发文机关 of a region's escalation letters: the letter office of the nearest 工改办 at or above
   * the region, walking up the catalog's own hierarchy (regions.parent_code), so a district
   * without an office of its own writes under the city's. Among several offices of one level the
   * lowest code wins, so the answer is stable.
   */
  async letterOfficeFor(regionCode: string, manager: EntityManager = this.dataSource.manager): Promise<LetterOfficeFor> {
    const rows: LetterOfficeFor[] = await manager.query(
      `WITH RECURSIVE up(code, parent_code, depth) AS (
         SELECT code, parent_code, 0 FROM regions WHERE code = $1
         UNION ALL
         SELECT r.code, r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code WHERE up.depth < 10
       )
       SELECT o.code, o.name, o.short_name AS "shortName", o.department_code AS "departmentCode"
         FROM up
         JOIN departments d ON d.region_code = up.code AND d.kind = '工改办'
         JOIN letter_offices o ON o.department_code = d.code
        ORDER BY up.depth, o.code
        LIMIT 1`,
      [regionCode],
    );
    if (rows.length) return rows[0];
    if (!(await manager.exists(Region, { where: { code: regionCode } }))) throw new NotFoundException(`region ${regionCode} not found`);
    throw new NotFoundException(`no 工改办 at or above region ${regionCode} has a letter office`);
  }

  /** The codes among `codes` that name no department. */
  async unknown(codes: string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const wanted = [...new Set(codes)];
    if (!wanted.length) return new Set();
    const found = await manager.find(Department, { where: { code: In(wanted) }, select: { code: true } });
    const known = new Set(found.map((d) => d.code));
    return new Set(wanted.filter((c) => !known.has(c)));
  }
}
