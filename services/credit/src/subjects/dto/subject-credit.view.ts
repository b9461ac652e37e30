import { ApiProperty } from '@nestjs/swagger';
import type { CreditGrade, CreditStanding } from '@cityworks/contracts';
import { CreditRecordView } from '../../credit-records/dto/credit-record.view';

/** a subject's view stays bounded; the counts cover every active record */
export const MAX_LISTED_ACTIVE_RECORDS = 100;

class ActiveBadRecordCounts {
  @ApiProperty({ description: '一般' }) minor: number;
  @ApiProperty({ description: '较重' }) serious: number;
  @ApiProperty({ description: '严重' }) severe: number;
}

/** 信用查询: the grade, what it means for the subject, and the records it rests on. */
export class SubjectCreditView implements CreditStanding {
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ enum: ['A', 'B', 'C', 'D'], description: 'A 良好 · B 一般 (also: no records) · C 较差 · D 差' }) grade: CreditGrade;
  @ApiProperty({ description: 'grade D: on the 联合惩戒 list ("一处失信、处处受限")' }) jointPunishment: boolean;
  @ApiProperty({ description: 'grade A: 绿色通道, fewer checks' }) greenChannel: boolean;
  @ApiProperty({ description: 'grade C or D: 谨慎审批, more frequent checks' }) enhancedSupervision: boolean;
  @ApiProperty() activeGoodRecords: number;
  @ApiProperty({ type: ActiveBadRecordCounts }) activeBadRecords: ActiveBadRecordCounts;
  @ApiProperty({ format: 'date', description: 'the China calendar day the grade is for' }) asOf: string;
  @ApiProperty({ type: [CreditRecordView], description: `the active records, newest first, at most ${MAX_LISTED_ACTIVE_RECORDS}` })
  activeRecords: CreditRecordView[];
  @ApiProperty({ description: 'more active records exist than are listed; the counts cover them all' }) activeRecordsTruncated: boolean;
}
