import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, pageViewOf } from '@cityworks/platform';
import { DepartmentView, LetterOfficeView } from './dto/department.view';
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
  @ApiOkResponse({ type: pageViewOf(DepartmentView) })
  @ApiErrors(400)
  @ApiOperation({ summary: 'Departments with their region, kind and letter offices' })
  list(@Query() query: ListDepartmentsQuery) {
    return this.departments.list(query);
  }

  @Get('departments/:code')
  @CanRead()
  @ApiOkResponse({ type: DepartmentView })
  @ApiErrors(400, 404)
  get(@Param('code', CodePipe) code: string) {
    return this.departments.get(code);
  }

  @Put('departments/:code')
  @CanMaintain()
  @ApiOkResponse({ type: DepartmentView })
  @ApiErrors(400, [409, 'a letter office code or 文号简称 belongs to another department'])
  @ApiOperation({ summary: 'Create or update a department and its letter offices (工改办)' })
  upsert(@Param('code', CodePipe) code: string, @Body() body: UpsertDepartmentDto) {
    return this.departments.upsert(code, body);
  }

  @Get('letter-offices')
  @CanRead()
  @ApiOkResponse({ type: pageViewOf(LetterOfficeView) })
  @ApiErrors(400)
  @ApiOperation({ summary: 'Offices that issue 提醒函 / 督办函, with the short name of their 文号' })
  letterOffices(@Query() query: ListLetterOfficesQuery) {
    return this.departments.letterOffices(query);
  }
}
