import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CanMaintain, CanRead } from '../common/access';
import { CodePipe } from '../common/pipes';
import { DepartmentsService } from './departments.service';
import { UpsertDepartmentDto } from './dto/upsert-department.dto';
import { ListDepartmentsQuery, ListLetterOfficesQuery } from './dto/list-departments.query';

@ApiTags('departments')
@Controller()
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get('departments')
  @CanRead()
  @ApiOperation({ summary: 'Departments with their region, kind and letter offices' })
  list(@Query() query: ListDepartmentsQuery) {
    return this.departments.list(query);
  }

  @Get('departments/:code')
  @CanRead()
  get(@Param('code', CodePipe) code: string) {
    return this.departments.get(code);
  }

  @Put('departments/:code')
  @CanMaintain()
  @ApiOperation({ summary: 'Create or update a department and its letter offices (工改办)' })
  upsert(@Param('code', CodePipe) code: string, @Body() body: UpsertDepartmentDto) {
    return this.departments.upsert(code, body);
  }

  @Get('letter-offices')
  @CanRead()
  @ApiOperation({ summary: 'Offices that issue 提醒函 / 督办函, with the short name of their 文号' })
  letterOffices(@Query() query: ListLetterOfficesQuery) {
    return this.departments.letterOffices(query);
  }
}
