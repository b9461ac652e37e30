import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@cityworks/messaging';
import { DepartmentsService } from '../departments/departments.service';
import { RegionsService } from '../regions/regions.service';

/**
 * What every item-list service is built from, injected as one provider: the approval- and
 * supervision-item services then only say what differs between them, not the same four
 * dependencies twice. Each item-list module lists it among its providers.
 */
@Injectable()
export class ItemListDeps {
  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    /** every change goes through it: the version, its audit entry and its event in one transaction */
    readonly uow: UnitOfWork,
    readonly regions: RegionsService,
    /** items name their departments (实施部门, 监管部门), which must exist */
    readonly departments: DepartmentsService,
  ) {}
}
