import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsInstant } from '@cityworks/platform';
import { LogStep, LogSteps, SHA256_HEX, SYSTEM_STEPS } from '../domain/log-entry';

const PERSON_STEPS = LogSteps.filter((s) => !SYSTEM_STEPS.includes(s));

/** A file kept elsewhere (the document system, the evidence store), by reference. */
export class AttachmentReferenceDto {
  @ApiProperty({ example: '现场照片-01.jpg', maxLength: 255 })
  @IsString()
  @Matches(/[^\s\ufeff]/u, { message: 'name must not be blank' })
  @MaxLength(255)
  name: string;

  @ApiProperty({ description: 'SHA-256 of the file, 64 lowercase hex digits', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @Matches(SHA256_HEX, { message: 'sha256 must be 64 lowercase hex digits' })
  sha256: string;

  @ApiProperty({ description: 'size in bytes', minimum: 0, maximum: 10_000_000_000 })
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  sizeBytes: number;
}

/** One step of a check, as the 执法人员 took it. */
export class AppendLogEntryDto {
  @ApiProperty({ enum: PERSON_STEPS, description: '检查环节 (registered and reported are written by the service)' })
  @IsIn(PERSON_STEPS)
  step: LogStep;

  @ApiProperty({ description: 'when the step was taken, not in the future', example: '2026-12-01T10:05:00+08:00' })
  @IsInstant()
  at: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000, description: 'what was done or found; required for other' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;

  @ApiPropertyOptional({ type: [AttachmentReferenceDto], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AttachmentReferenceDto)
  attachments?: AttachmentReferenceDto[];
}
