import { ApiProperty } from '@nestjs/swagger';

export class LoadCountView {
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) existing: number;
}

/** What loading the demo city added and what was there already. */
export class DemoLoadView {
  @ApiProperty({ type: LoadCountView }) regions: LoadCountView;
  @ApiProperty({ type: LoadCountView }) departments: LoadCountView;
  @ApiProperty({ type: LoadCountView }) approvalItems: LoadCountView;
  @ApiProperty({ type: LoadCountView }) supervisionItems: LoadCountView;
  @ApiProperty({ type: LoadCountView }) stageTemplates: LoadCountView;
}
