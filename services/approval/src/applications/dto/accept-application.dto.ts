import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsOptional, Matches } from 'class-validator';
import { IsUscc } from '@cityworks/platform';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CODE_RULE = 'must be 1–64 letters, digits, dots, underscores or hyphens';

/**
 * 受理: the desk accepts an application for one item of one project. The supervising department,
 * the time limit, the allowed clock-stops and the supervision feedback period come from the
 * catalog item version in force; the caller cannot set them.
 */
export class AcceptApplicationDto {
  @ApiProperty({ description: '项目代码', example: '2026-210302-47-01-000123' })
  @Matches(CODE, { message: `projectCode ${CODE_RULE}` })
  projectCode: string;

  @ApiProperty({ description: '审批事项编码', example: 'JS-SGXK-001' })
  @Matches(CODE, { message: `itemCode ${CODE_RULE}` })
  itemCode: string;

  @ApiProperty({ description: '实施部门代码: your department, which must implement the item', example: 'AS-XZSPJ' })
  @Matches(CODE, { message: `departmentCode ${CODE_RULE}` })
  departmentCode: string;

  @ApiProperty({ description: '行政区划代码', example: '210302' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative division code' })
  regionCode: string;

  @ApiProperty({ description: '建设单位统一社会信用代码', example: '91350100M000100Y43' })
  @IsUscc()
  ownerUscc: string;

  @ApiPropertyOptional({ description: '告知承诺制', default: false })
  @IsOptional()
  @IsBoolean()
  onCommitment?: boolean;

  // not the implementing department itself: a rule over two fields, refused by the model (422)
  @ApiPropertyOptional({
    type: [String],
    description: '联合审图/联合验收: 参与部门代码, the departments whose opinions the decision waits for; distinct, 1–20, not the implementing department',
    example: ['AS-ZRZYJ', 'AS-RFB', 'AS-XFZD'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(CODE, { each: true, message: `each of participatingDepartmentCodes ${CODE_RULE}` })
  participatingDepartmentCodes?: string[];
}
