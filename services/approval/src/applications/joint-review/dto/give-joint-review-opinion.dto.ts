import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { JointReviewOpinion, JointReviewOpinions } from '@cityworks/contracts';
import { SchemaRules } from '@cityworks/platform';

// a refusal gives its reasons and a conditional agreement its conditions: a note with something
// besides spaces in it (the model refuses a missing or blank one with 422)
@SchemaRules({
  anyOf: [{ properties: { opinion: { enum: ['同意'] } } }, { required: ['note'], properties: { note: { type: 'string', pattern: '[^\\s\\ufeff]' } } }],
})
export class GiveJointReviewOpinionDto {
  @ApiProperty({ enum: JointReviewOpinions, description: "the participating department's opinion (联合审图/联合验收)" })
  @IsIn(JointReviewOpinions as unknown as string[])
  opinion: JointReviewOpinion;

  @ApiPropertyOptional({ type: String, maxLength: 2000, description: 'required for 不同意 (the reasons) and 有条件同意 (the conditions)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
