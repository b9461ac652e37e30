import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chinaDateOf } from '@cityworks/calendar';
import { nationalShape } from '../publications/domain/national-fields';
import { Publication } from '../publications/publication.entity';
import { PublicRegisterPage, PublicRegisterQuery } from './public-register.dto';

/**
 * 信用公示: what anyone may read without an account — published decisions still in their 公示期
 * whose 失信 record (for a penalty) is not repaired, with the national fields only: no
 * department-internal ids, no workflow state, nothing of the people who handled it.
 */
@Injectable()
export class PublicRegisterService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: PublicRegisterQuery, now = new Date()): Promise<PublicRegisterPage> {
    const asOf = chinaDateOf(now);
    const qb = this.dataSource.manager
      .createQueryBuilder(Publication, 'p')
      .leftJoin('credit_records', 'r', 'r.id = p.record_id')
      .where(`p.status = 'published' AND p.public_until >= :asOf AND COALESCE(r.repaired, false) = false`, { asOf });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.q) {
      const q = query.q.trim();
      qb.andWhere(`(strpos(lower(p.fields ->> 'subjectName'), lower(:q)) > 0 OR p.uscc LIKE :prefix)`, {
        q,
        prefix: `${q.toUpperCase().replace(/[%_\\]/g, '')}%`,
      });
    }
    const [items, total] = await qb
      .orderBy('p.decision_date', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: items.map((p) => ({ id: p.id, kind: p.kind, fields: nationalShape(p.kind, p.fields) })),
      total,
      page: query.page,
      pageSize: query.pageSize,
      asOf,
    };
  }
}
