import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuthUser, Roles } from '@cityworks/contracts';
import { ApiErrors, ApiRequestContent, CurrentUser, RequireRoles } from '@cityworks/platform';
import { ApplicationsImportService } from './applications-import.service';
import { ApplicationsImportView } from './applications-import.view';
import { HistoricalApplicationRowDto, HistoricalClockStopDto, ImportApplicationsDto } from './historical-application-row.dto';

const CSV_EXAMPLE = [
  'sourceRef,projectCode,itemCode,departmentCode,regionCode,ownerUscc,onCommitment,acceptedAt,clockStops,decidedAt,decision,decisionReason',
  'AS-SP-2026-000123,2026-210302-47-01-000123,JS-SGXK-001,AS-XZSPJ,210302,91350100M000100Y43,false,2026-02-11T10:00:00+08:00,补正材料@2026-02-13T09:00:00+08:00/2026-02-25T10:00:00+08:00,2026-03-04T16:00:00+08:00,approved,',
].join('\n');

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsImportController {
  constructor(private readonly imports: ApplicationsImportService) {}

  @Post('import')
  @RequireRoles(Roles.approvalOfficer)
  @ApiOperation({
    summary:
      '迁移: import decided applications of the old system with their real acceptance, clock-stops and decision, on the terms of the catalog item version in force on each acceptance date; all rows or none (422 listing row, column and rule of every problem); no events, no workflows',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiExtraModels(ImportApplicationsDto, HistoricalApplicationRowDto, HistoricalClockStopDto)
  @ApiRequestContent({
    'text/csv': {
      schema: {
        type: 'string',
        description:
          'a header row (API field names or the Chinese titles 原办件编号, 项目代码, 事项编码, 实施部门, 行政区划, 统一社会信用代码, 告知承诺, 受理时间, 暂停计时, 办结时间, 审批结果, 理由), then one application per row, checked like the JSON rows; clockStops as reason@from/to, several separated by ";"',
        example: CSV_EXAMPLE,
      },
    },
    'application/json': { schema: { $ref: getSchemaPath(ImportApplicationsDto) } },
  })
  @ApiCreatedResponse({ type: ApplicationsImportView })
  @ApiErrors(
    [403, "the token's roles may not import, or the file holds applications of another department than yours (listed by row)"],
    [409, 'another import of the same sourceRef committed at the same time'],
    [415, 'the body is neither text/csv nor application/json'],
    [
      422,
      'the file was refused whole, nothing imported; every problem listed by row, column and rule: shape, a sourceRef repeated or imported before, an item not in the list in force on the acceptance date, a department that does not implement it, 告知承诺 or a clock-stop reason the item does not allow, a timeline out of order or in the future',
    ],
  )
  import(@CurrentUser() user: AuthUser, @Body() body: unknown, @Headers('content-type') contentType: string | undefined): Promise<ApplicationsImportView> {
    return this.imports.import(user, body, contentType);
  }
}
