import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ComplaintCategories, ComplaintCategory, ComplaintChannel, ComplaintChannels } from '@cityworks/contracts';
import { IsUscc, SchemaRules } from '@cityworks/platform';
import { ComplaintKind, ComplaintKinds } from '../intake/complaint-kind';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CODE_RULE = 'must be 1–64 letters, digits, dots, underscores or hyphens';
export const MAX_CONTENT_LENGTH = 4000;
export const MAX_ATTACHMENTS = 20;
/** 100 MiB: the document store's limit for one file */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

/**
 * An attachment by reference (附件): the file itself stays in the channel's or the document
 * store; the complaint keeps what identifies it — its name, SHA-256 and size.
 */
export class AttachmentDto {
  @ApiProperty({ description: '文件名', example: '夜间施工照片.jpg', maxLength: 255 })
  @IsString({ message: 'attachments.name must be a string' })
  @IsNotEmpty({ message: 'attachments.name must not be empty' })
  @MaxLength(255, { message: 'attachments.name must be at most 255 characters' })
  name: string;

  @ApiProperty({
    description: 'SHA-256 of the file, 64 hex digits',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    pattern: '^[0-9a-fA-F]{64}$',
  })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'attachments.sha256 must be 64 hexadecimal digits (SHA-256)' })
  sha256: string;

  @ApiProperty({ description: 'size in bytes', minimum: 1, maximum: MAX_ATTACHMENT_BYTES, example: 482113 })
  @IsInt({ message: 'attachments.size must be a whole number of bytes' })
  @Min(1, { message: 'attachments.size must be at least 1 byte' })
  @Max(MAX_ATTACHMENT_BYTES, { message: `attachments.size must be at most ${MAX_ATTACHMENT_BYTES} bytes` })
  size: number;
}

/** Personal data: stored, shown only to the handling department, never published. */
// a way to answer: a phone number, or an email address
@SchemaRules({ anyOf: [{ required: ['phone'] }, { required: ['email'] }] })
export class ComplainantDto {
  @ApiPropertyOptional({ description: '姓名', example: '王女士', maxLength: 50 })
  @IsOptional()
  @IsString({ message: 'complainant.name must be a string' })
  @IsNotEmpty({ message: 'complainant.name must not be empty' })
  @MaxLength(50, { message: 'complainant.name must be at most 50 characters' })
  name?: string;

  @ApiPropertyOptional({ description: '联系电话: mobile (13812345678) or landline (0412-2345678); required when no email is given', example: '13812345678' })
  @ValidateIf((o: ComplainantDto) => o.phone !== undefined || o.email === undefined)
  @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: 'complainant.phone must be a mobile or landline number (required when no email is given)' })
  phone?: string;

  @ApiPropertyOptional({ description: '电子邮箱', example: 'wang@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'complainant.email must be an email address' })
  @MaxLength(254, { message: 'complainant.email must be at most 254 characters' })
  email?: string;
}

/** 受理投诉举报 from any channel. */
// kind and category agree (审批服务 is category approval-service and nothing else is, but a suggestion
// or a complaint without a kind); the national platform's records carry its number
@SchemaRules({
  allOf: [
    {
      anyOf: [
        { not: { required: ['kind'] } },
        { required: ['kind'], properties: { kind: { enum: ['approval-service'] }, category: { enum: ['approval-service'] } } },
        {
          required: ['kind'],
          properties: { kind: { enum: ['violation-report'] }, category: { enum: ComplaintCategories.filter((c) => c !== 'approval-service') } },
        },
        { required: ['kind'], properties: { kind: { enum: ['suggestion'] } } },
      ],
    },
    { anyOf: [{ properties: { channel: { enum: ComplaintChannels.filter((c) => c !== 'national-platform') } } }, { required: ['externalRef'] }] },
  ],
})
export class ReceiveComplaintDto {
  @ApiProperty({ enum: ComplaintChannels, description: '网站 / 热线 / 小程序 / 12345 / 国家“互联网+监管”平台转办' })
  @IsIn(ComplaintChannels, { message: `channel must be one of ${ComplaintChannels.join(', ')}` })
  channel: ComplaintChannel;

  @ApiPropertyOptional({
    description:
      "the channel's own number (12345 工单号, 国家平台编号); required for national-platform. The same record delivered again is answered with the complaint it made (200), never a second one",
    example: '12345-20260302-0042',
    maxLength: 64,
  })
  // 按属地、部门职能推送: the national platform's records always carry its number, which makes a repeated push harmless
  @ValidateIf((o: ReceiveComplaintDto) => o.externalRef !== undefined || o.channel === 'national-platform')
  @Matches(CODE, { message: `externalRef ${CODE_RULE} (required for channel national-platform)` })
  externalRef?: string;

  @ApiPropertyOptional({
    enum: ComplaintKinds,
    description:
      '审批服务 / 违法违规举报 / 建议; when absent: approval-service for category approval-service, violation-report otherwise. approval-service goes with category approval-service only',
  })
  @IsOptional()
  @IsIn(ComplaintKinds, { message: `kind must be one of ${ComplaintKinds.join(', ')}` })
  kind?: ComplaintKind;

  @ApiProperty({ enum: ComplaintCategories })
  @IsIn(ComplaintCategories, { message: `category must be one of ${ComplaintCategories.join(', ')}` })
  category: ComplaintCategory;

  @ApiProperty({ description: '属地: 6-digit 行政区划代码', example: '210302' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative division code' })
  regionCode: string;

  @ApiPropertyOptional({
    description:
      '事项编码 of the approval item concerned: the complaint goes to the department that implements it (审批服务, 建议) or supervises it (违法违规举报) in this region. The department is never given by the caller',
    example: 'JS-SGXK-001',
  })
  @IsOptional()
  @Matches(CODE, { message: `itemCode ${CODE_RULE}` })
  itemCode?: string;

  @ApiPropertyOptional({ description: '被投诉主体统一社会信用代码', example: '91350100M000100Y43' })
  @IsOptional()
  @IsUscc()
  subjectUscc?: string;

  @ApiPropertyOptional({
    description: "项目代码: without an item, the complaint goes by the item of the project's latest accepted application",
    example: '2026-210302-47-01-000123',
  })
  @IsOptional()
  @Matches(CODE, { message: `projectCode ${CODE_RULE}` })
  projectCode?: string;

  @ApiProperty({ description: '投诉举报内容', maxLength: MAX_CONTENT_LENGTH, example: '某工地夜间施工噪声扰民，已持续一周' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CONTENT_LENGTH)
  content: string;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: MAX_ATTACHMENTS, description: '附件 by reference (name, SHA-256, size)' })
  @IsOptional()
  @IsArray({ message: 'attachments must be an array' })
  @ArrayMaxSize(MAX_ATTACHMENTS, { message: `attachments may list at most ${MAX_ATTACHMENTS} files` })
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ type: ComplainantDto, description: 'who complains; leave out for an anonymous report (匿名举报)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant?: ComplainantDto;
}

/** 错转: pass a complaint to the department whose duty it is, saying why. */
export class TransferComplaintDto {
  @ApiProperty({ description: 'the department whose duty the complaint is (部门代码)', example: 'AS-STHJJ' })
  @Matches(CODE, { message: `toDepartmentCode ${CODE_RULE}` })
  toDepartmentCode: string;

  @ApiProperty({ description: '转办理由', example: '扬尘污染属生态环境部门职责', maxLength: 500 })
  @IsString({ message: 'reason must be a string' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason: string;
}
