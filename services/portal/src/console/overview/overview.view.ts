import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PanelStateView {
  @ApiProperty({ description: 'false when the signed-in role may not read the figures (the service answered 403) or the service is down' }) available: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why not, in Chinese, for the panel' }) reason: string | null;
}

export class DepartmentOnTimeView {
  @ApiProperty() departmentCode: string;
  @ApiProperty({ type: 'integer' }) onTime: number;
  @ApiProperty({ type: 'integer' }) late: number;
}

export class ObligationsPanelView extends PanelStateView {
  @ApiProperty({ type: [DepartmentOnTimeView] }) departments: DepartmentOnTimeView[];
}

export class LettersInMonthView {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: 'integer' }) issued: number;
  @ApiProperty({ type: 'integer' }) answered: number;
}

export class LettersPanelView extends PanelStateView {
  @ApiProperty({ type: [LettersInMonthView] }) months: LettersInMonthView[];
  @ApiProperty({ type: 'integer', description: 'letters counted (issued in the year)' }) counted: number;
}

export class FiveNumbersView {
  @ApiProperty() min: number;
  @ApiProperty() q1: number;
  @ApiProperty() median: number;
  @ApiProperty() q3: number;
  @ApiProperty() max: number;
}

export class UsedDaysOfTypeView {
  @ApiProperty({ description: '项目类型' }) projectType: string;
  @ApiProperty({ type: 'integer' }) applications: number;
  @ApiProperty({ type: FiveNumbersView }) usedWorkingDays: FiveNumbersView;
  @ApiProperty() limitWorkingDays: number;
  @ApiProperty({ type: 'integer' }) overLimit: number;
}

export class UsedDaysPanelView extends PanelStateView {
  @ApiProperty({ type: [UsedDaysOfTypeView] }) projectTypes: UsedDaysOfTypeView[];
  @ApiProperty({ type: 'integer', description: 'the latest applications read to draw it' }) sampled: number;
}

export class IllegalPauseView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty() projectCode: string;
  @ApiProperty() itemCode: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
}

export class IllegalPausePanelView extends PanelStateView {
  @ApiProperty({ type: 'integer', description: 'applications with a refused clock-stop' }) applications: number;
  @ApiProperty({ type: 'integer', description: 'refused clock-stops in the year, all departments the user sees' }) attempts: number;
  @ApiProperty({ type: [IllegalPauseView], description: 'most attempts first' }) top: IllegalPauseView[];
}

/** 总览: what the 工改办 (or a department, its own figures) sees at a glance. */
export class OverviewView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: ObligationsPanelView }) obligations: ObligationsPanelView;
  @ApiProperty({ type: LettersPanelView }) letters: LettersPanelView;
  @ApiProperty({ type: UsedDaysPanelView }) usedDays: UsedDaysPanelView;
  @ApiProperty({ type: IllegalPausePanelView }) illegalPauses: IllegalPausePanelView;
}
