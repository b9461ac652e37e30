import { ApiProperty, PickType } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CODE_PATTERN, CODE_RULE } from '../../common/validators';
import { PublishMetaDto } from './version-meta.dto';

/**
 * The columns of an imported row besides the item's own fields: its code, and what a publish
 * takes besides the list and the date (both of which the import names once for the file).
 */
export class ItemRowMetaDto extends PickType(PublishMetaDto, ['followsVersion', 'changeNote'] as const) {
  @ApiProperty({ description: '事项编码', example: 'JS-SGXK-001' })
  @Matches(CODE_PATTERN, { message: `code ${CODE_RULE}` })
  code: string;
}
