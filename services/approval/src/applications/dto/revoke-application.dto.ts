import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RevocationSource, RevocationSources } from '@cityworks/contracts';

/** 撤销: withdraw an approval, saying why and on whose finding. */
export class RevokeApplicationDto {
  @ApiProperty({ enum: RevocationSources, description: 'the finding the revocation rests on' })
  @IsIn(RevocationSources as unknown as string[])
  source: RevocationSource;

  // something besides spaces: a blank reason is refused by the model (422)
  @ApiProperty({ description: '理由', maxLength: 2000, pattern: '[^\\s\\ufeff]' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
