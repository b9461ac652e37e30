import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cityworks/contracts';
import { ApiErrors, RequireRoles } from '@cityworks/platform';
import { OversightReportPageView, OversightReportsService } from './oversight-reports.service';
import { ListOversightReportsQuery, TriggerOversightReportDto } from './dto/oversight-report.dto';
import { OversightReportTriggeredView, OversightReportView } from './views/oversight-report.view';

/** The 工改办's monthly 通报 and quarterly 督查评分 (auditors read them too). */
@ApiTags('oversight-reports')
@ApiBearerAuth()
@Controller('oversight-reports')
export class OversightReportsController {
  constructor(private readonly reports: OversightReportsService) {}

  @Get()
  @RequireRoles(Roles.reformOffice)
  @ApiOperation({ summary: 'Oversight reports (monthly 通报, quarterly 督查评分), newest period first' })
  @ApiOkResponse({ type: OversightReportPageView })
  @ApiErrors(400)
  list(@Query() query: ListOversightReportsQuery) {
    return this.reports.list(query);
  }

  @Get(':id')
  @RequireRoles(Roles.reformOffice)
  @ApiOperation({ summary: 'One report as published: every department’s figures, the scores (quarterly), the seeded sample (monthly) — the JSON download' })
  @ApiOkResponse({ type: OversightReportView })
  @ApiErrors(404)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OversightReportView> {
    return this.reports.get(id);
  }

  @Get(':id/pdf')
  @RequireRoles(Roles.reformOffice)
  @ApiOperation({ summary: 'The report as a PDF in Chinese (stored when it was published)' })
  // errors stay JSON (ErrorBody): only the 200 is a PDF
  @ApiOkResponse({ description: 'the PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(404)
  async pdf(@Param('id', new ParseUUIDPipe()) id: string): Promise<StreamableFile> {
    const document = await this.reports.document(id);
    return new StreamableFile(document.content, {
      type: 'application/pdf',
      length: document.content.length,
      disposition: `inline; filename="oversight-report-${document.kind}-${document.period}.pdf"`,
    });
  }

  @Post()
  @RequireRoles(Roles.reformOffice)
  @HttpCode(202)
  @ApiOperation({
    summary:
      '手动生成: start the report of a past month or quarter (workflow oversight-report-<kind>-<period>); a repeat starts nothing new and gives the same report',
  })
  @ApiAcceptedResponse({ type: OversightReportTriggeredView })
  @ApiErrors(400, [422, 'the period is not of the kind (YYYY-MM for monthly, YYYY-Qn for quarterly), or has not ended yet'])
  trigger(@Body() body: TriggerOversightReportDto): Promise<OversightReportTriggeredView> {
    return this.reports.trigger(body);
  }
}
