import { BadRequestException, Body, Controller, Get, Param, PipeTransform, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cityworks/contracts';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { ParseUsccPipe } from '../parse-uscc.pipe';
import { SubjectRegistryService } from './subject-registry.service';
import { CERTIFICATE_NUMBER, ListSubjectsQuery, PractitionerView, PutPractitionerDto, PutSubjectDto, SubjectPage, SubjectView } from './dto/subject.dto';

/** staff who look subjects up (信用信息共享: every department) */
const READERS = [Roles.approvalOfficer, Roles.supervisionOfficer, Roles.inspector, Roles.creditOfficer, Roles.complaintHandler, Roles.auditor, Roles.system];

class ParseCertificateNumberPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CERTIFICATE_NUMBER.test(value))
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'certificateNumber must be 4–32 letters, digits, hyphens or Chinese characters, not starting with a hyphen',
        errors: [{ field: 'certificateNumber', rules: { matches: 'certificateNumber must be a 注册证书编号' } }],
      });
    return value;
  }
}

@ApiTags('subjects')
@ApiBearerAuth()
@Controller()
export class SubjectRegistryController {
  constructor(private readonly registry: SubjectRegistryService) {}

  @Put('subjects/:uscc')
  @RequireRoles(Roles.creditOfficer, Roles.system)
  @ApiOperation({ summary: '市场主体: record or correct a subject’s name, 法定代表人 and region (a fact left out keeps what is known)' })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码', example: '91350100M000100Y43', schema: ParseUsccPipe.openApi })
  @ApiOkResponse({ type: SubjectView })
  @ApiErrors(400)
  put(@Param('uscc', new ParseUsccPipe()) uscc: string, @Body() body: PutSubjectDto): Promise<SubjectView> {
    return this.registry.put(uscc, body);
  }

  @Get('subjects')
  @RequireRoles(...READERS)
  @ApiOperation({ summary: 'subjects by part of the name or the start of the 统一社会信用代码' })
  @ApiOkResponse({ type: SubjectPage })
  @ApiErrors(400)
  list(@Query() query: ListSubjectsQuery): Promise<SubjectPage> {
    return this.registry.list(query);
  }

  @Get('subjects/:uscc')
  @RequireRoles(...READERS)
  @ApiOperation({ summary: 'a subject as the credit office knows it' })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码', schema: ParseUsccPipe.openApi })
  @ApiOkResponse({ type: SubjectView })
  @ApiErrors(400, [404, 'no such subject is known'])
  get(@Param('uscc', new ParseUsccPipe()) uscc: string): Promise<SubjectView> {
    return this.registry.get(uscc);
  }

  @Get('subjects/:uscc/practitioners')
  @RequireRoles(...READERS)
  @ApiOperation({ summary: '从业人员 employed by a subject' })
  @ApiParam({ name: 'uscc', description: '统一社会信用代码', schema: ParseUsccPipe.openApi })
  @ApiOkResponse({ type: [PractitionerView] })
  @ApiErrors(400, [404, 'no such subject is known'])
  practitioners(@Param('uscc', new ParseUsccPipe()) uscc: string): Promise<PractitionerView[]> {
    return this.registry.practitionersOf(uscc);
  }

  @Put('practitioners/:certificateNumber')
  @RequireRoles(Roles.creditOfficer, Roles.system)
  @ApiOperation({ summary: '从业人员: record or correct a practitioner and the employer (a registered subject)' })
  @ApiParam({
    name: 'certificateNumber',
    description: '注册证书编号',
    example: '辽221141512345',
    schema: { type: 'string', pattern: CERTIFICATE_NUMBER.source },
  })
  @ApiOkResponse({ type: PractitionerView })
  @ApiErrors(400, [422, 'employerUscc names no registered subject'])
  putPractitioner(
    @Param('certificateNumber', new ParseCertificateNumberPipe()) certificateNumber: string,
    @Body() body: PutPractitionerDto,
  ): Promise<PractitionerView> {
    return this.registry.putPractitioner(certificateNumber, body);
  }

  @Get('practitioners/:certificateNumber')
  @RequireRoles(...READERS)
  @ApiOperation({ summary: 'a practitioner and the employer' })
  @ApiParam({ name: 'certificateNumber', description: '注册证书编号', schema: { type: 'string', pattern: CERTIFICATE_NUMBER.source } })
  @ApiOkResponse({ type: PractitionerView })
  @ApiErrors(400, [404, 'no practitioner with that certificate'])
  getPractitioner(@Param('certificateNumber', new ParseCertificateNumberPipe()) certificateNumber: string): Promise<PractitionerView> {
    return this.registry.getPractitioner(certificateNumber);
  }
}
