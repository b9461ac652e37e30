import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, ApiRequestContent, CurrentUser, isValidUscc, RequireRoles, USCC_SCHEMA } from '@cityworks/platform';
import { BadRequestException } from '@nestjs/common';
import { SubjectsService } from './subjects.service';
import { ImportSubjectsDto, ListSubjectsQuery, SubjectRowDto } from './dto/subject-row.dto';
import { SubjectPageView, SubjectsImportView, SubjectView } from './views/subject.view';

const CSV_EXAMPLE = ['统一社会信用代码,名称,行政区划,行业,风险等级', '91350100M000100Y43,鞍山示例建设有限公司,210302,E47,medium'].join('\n');

@ApiTags('subjects')
@ApiBearerAuth()
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly subjects: SubjectsService) {}

  @Get()
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector, Roles.reformOffice, Roles.auditor)
  @ApiOperation({ summary: '监管对象库: subjects under supervision by region, industry, risk and credit grade' })
  @ApiOkResponse({ type: SubjectPageView })
  @ApiErrors(400)
  list(@Query() query: ListSubjectsQuery): Promise<SubjectPageView> {
    return this.subjects.list(query);
  }

  @Get(':uscc')
  @RequireRoles(Roles.supervisionOfficer, Roles.inspector, Roles.reformOffice, Roles.auditor)
  @ApiParam({ name: 'uscc', description: '统一社会信用代码', schema: { ...USCC_SCHEMA } })
  @ApiOkResponse({ type: SubjectView })
  @ApiErrors([400, 'not a valid 统一社会信用代码'], 404)
  get(@Param('uscc') uscc: string): Promise<SubjectView> {
    if (!isValidUscc(uscc)) throw new BadRequestException('uscc must be a valid 统一社会信用代码 (18 characters with a correct check character)');
    return this.subjects.get(uscc);
  }

  @Post('import')
  @RequireRoles(Roles.supervisionOfficer, Roles.reformOffice)
  @ApiOperation({
    summary:
      'import subjects (name, region, industry, risk) from CSV or JSON; all rows or none — 422 lists every bad row, column and rule; credit grades stay credit’s',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiExtraModels(ImportSubjectsDto, SubjectRowDto)
  @ApiRequestContent({
    'text/csv': {
      schema: {
        type: 'string',
        description: 'a header row (uscc, name, regionCode, industry, riskLevel or 统一社会信用代码, 名称, 行政区划, 行业, 风险等级), then one subject per row',
        example: CSV_EXAMPLE,
      },
    },
    'application/json': { schema: { $ref: getSchemaPath(ImportSubjectsDto) } },
  })
  @ApiCreatedResponse({ type: SubjectsImportView })
  @ApiErrors(
    403,
    [413, 'the file is larger than the import limit'],
    [415, 'neither text/csv nor application/json'],
    [422, 'the file was refused whole, nothing imported; every problem by row, column and rule'],
  )
  import(@CurrentUser() user: AuthUser, @Body() body: unknown, @Headers('content-type') contentType: string | undefined): Promise<SubjectsImportView> {
    return this.subjects.import(user.userId, body, contentType);
  }
}
