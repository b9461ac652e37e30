import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DepartmentKind, DepartmentKinds } from '@cityworks/contracts';
import { PageQuery } from '@cityworks/platform';
import { REGION_PATTERN, REGION_RULE } from '../../common/validators';

export class ListDepartmentsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode?: string;

  @ApiPropertyOptional({ enum: DepartmentKinds })
  @IsOptional()
  @IsIn(DepartmentKinds)
  kind?: DepartmentKind;
}

export class ListLetterOfficesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'offices of departments of this region' })
  @IsOptional()
  @Matches(REGION_PATTERN, { message: `regionCode ${REGION_RULE}` })
  regionCode?: string;
}
