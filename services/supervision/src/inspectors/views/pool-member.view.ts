import { ApiProperty } from '@nestjs/swagger';
import { PoolKind, PoolKinds, PoolMemberState } from '../domain/pool-member';

export class RelativeRelationView {
  @ApiProperty() uscc: string;
  @ApiProperty() relation: string;
}

export class PoolMemberView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PoolKinds }) kind: PoolKind;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty() regionCode: string;
  @ApiProperty({ description: '执法证号 or 专家证书编号' }) certificateNumber: string;
  @ApiProperty({ type: [String] }) specialties: string[];
  @ApiProperty({ type: String, nullable: true }) employerUscc: string | null;
  @ApiProperty({ type: [RelativeRelationView] }) relatives: RelativeRelationView[];
  @ApiProperty({ format: 'date-time' }) registeredAt: string;

  static of(m: PoolMemberState): PoolMemberView {
    return Object.assign(new PoolMemberView(), {
      id: m.id,
      kind: m.kind,
      name: m.name,
      departmentCode: m.departmentCode,
      regionCode: m.regionCode,
      certificateNumber: m.certificateNumber,
      specialties: m.specialties,
      employerUscc: m.employerUscc,
      relatives: m.relatives.map((r) => Object.assign(new RelativeRelationView(), r)),
      registeredAt: m.registeredAt.toISOString(),
    });
  }
}

export class PoolMemberPageView {
  @ApiProperty({ type: [PoolMemberView] }) items: PoolMemberView[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) page: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) pageSize: number;
}
