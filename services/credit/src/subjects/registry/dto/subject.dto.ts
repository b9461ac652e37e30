import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsUscc, PageQuery } from '@cityworks/platform';
import { SubjectKinds } from '../subject';
import type { SubjectInfoSource, SubjectKind } from '../subject';
import { Practitioner, Subject } from '../subject.entity';

/** 市场主体登记信息 as the credit office keeps it. */
export class PutSubjectDto {
  @ApiProperty({ description: '名称', example: '鞍山市某建筑工程有限公司', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: '法定代表人 (负责人)', example: '张某某', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  legalRepresentative?: string | null;

  @ApiPropertyOptional({ description: '行政区划代码 (6 digits)', example: '210302', nullable: true, type: String })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit 行政区划代码' })
  regionCode?: string | null;
}

export class SubjectView {
  @ApiProperty({ description: '统一社会信用代码' }) uscc: string;
  @ApiProperty({ enum: SubjectKinds, description: 'from the code: 9 企业, 1 机关事业单位, 5 社会组织' }) kind: SubjectKind;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: '法定代表人' }) legalRepresentative: string | null;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ enum: ['api', 'event'], description: 'typed in by the credit office, or from a decision event' }) infoSource: SubjectInfoSource;
  @ApiProperty({ description: 'when the facts were last known true' }) infoAsOf: Date;

  static of(s: Subject): SubjectView {
    const { uscc, kind, name, legalRepresentative, regionCode, infoSource, infoAsOf } = s;
    return Object.assign(new SubjectView(), { uscc, kind, name, legalRepresentative, regionCode, infoSource, infoAsOf });
  }
}

export class SubjectPage {
  @ApiProperty({ type: [SubjectView] }) items: SubjectView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListSubjectsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the name, or the start of the 统一社会信用代码', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;
}

/** 注册证书编号: letters, digits and hyphens, a province's character allowed (辽221141512345) */
// the common CJK block (一–龥) spelled as a range, which every regex engine (and the contract fuzzer) reads
export const CERTIFICATE_NUMBER = /^[\u4e00-\u9fa5A-Za-z0-9][\u4e00-\u9fa5A-Za-z0-9-]{3,31}$/;

export class PutPractitionerDto {
  @ApiProperty({ description: '姓名', example: '李某', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiProperty({ description: '执业资格', example: '一级注册建造师', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  qualification: string;

  @ApiProperty({ description: '聘用单位 统一社会信用代码; the credit office must know the employer', example: '91350100M000100Y43' })
  @IsUscc()
  employerUscc: string;
}

export class PractitionerView {
  @ApiProperty() certificateNumber: string;
  @ApiProperty() name: string;
  @ApiProperty() qualification: string;
  @ApiProperty() employerUscc: string;
  @ApiProperty({ description: '聘用单位名称' }) employerName: string;

  static of(p: Practitioner, employer: Pick<Subject, 'name'>): PractitionerView {
    const { certificateNumber, name, qualification, employerUscc } = p;
    return Object.assign(new PractitionerView(), { certificateNumber, name, qualification, employerUscc, employerName: employer.name });
  }
}
