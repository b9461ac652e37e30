import { ApiProperty } from '@nestjs/swagger';

/** One imported application: where it was in the file, what it became, its 办理用时 at a glance. */
export class ImportedApplicationView {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'the row of the file (spreadsheet row, or position in the JSON array)' })
  row: number;

  @ApiProperty({ description: '原办件编号' })
  sourceRef: string;

  @ApiProperty({ format: 'uuid', description: 'GET /applications/{id} shows it with its timing' })
  applicationId: string;

  @ApiProperty({ enum: ['approved', 'rejected'] })
  status: 'approved' | 'rejected';

  @ApiProperty({ type: 'integer', nullable: true, description: 'working days used, the acceptance day not counted, clock-stops excluded' })
  usedWorkingDays: number | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'decided within the time limit of its catalog terms' })
  decidedWithinLimit: boolean | null;
}

/** What an accepted import wrote: every row of the file, in one transaction. */
export class ApplicationsImportView {
  @ApiProperty({ type: 'integer', minimum: 1 })
  imported: number;

  @ApiProperty({ type: [ImportedApplicationView] })
  applications: ImportedApplicationView[];
}
