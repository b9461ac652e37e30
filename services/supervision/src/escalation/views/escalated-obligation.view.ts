import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EscalatedObligation, ObligationKind, ObligationKinds } from '@cityworks/contracts';

/** The late obligation a letter or a rung names. */
export class EscalatedObligationView {
  @ApiProperty({ enum: ObligationKinds })
  kind: ObligationKind;

  @ApiProperty({ description: "the obligation's own id (办件 id, supervision task id …)" })
  id: string;

  @ApiProperty({ description: 'what the obligation is, as the letter names it', example: '项目 P-1「建筑工程施工许可证核发」办件' })
  title: string;

  @ApiProperty({ description: '行政区划代码' })
  regionCode: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '项目代码' })
  projectCode: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '事项编码' })
  itemCode: string | null;

  static of(o: EscalatedObligation): EscalatedObligationView {
    return Object.assign(new EscalatedObligationView(), {
      kind: o.kind,
      id: o.id,
      title: o.title,
      regionCode: o.regionCode,
      projectCode: o.projectCode,
      itemCode: o.itemCode,
    });
  }
}
