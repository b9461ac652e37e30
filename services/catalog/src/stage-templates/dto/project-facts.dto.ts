import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ProjectFactSpecs } from '@cityworks/contracts';

const number = (label: string, max = 1e9) => [
  ApiPropertyOptional({ description: label, minimum: 0, maximum: max }),
  IsOptional(),
  IsNumber({ allowNaN: false, allowInfinity: false }),
  Min(0),
  Max(max),
];
const flag = (label: string) => [ApiPropertyOptional({ description: label }), IsOptional(), IsBoolean()];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** What is known about a project; leave out what is not known yet. */
export class ProjectFactsDto {
  @apply(number(ProjectFactSpecs.investmentWanYuan.label))
  investmentWanYuan?: number;

  @apply(number(ProjectFactSpecs.floorAreaSqm.label))
  floorAreaSqm?: number;

  @apply(number(ProjectFactSpecs.landAreaSqm.label))
  landAreaSqm?: number;

  @apply(number(ProjectFactSpecs.annualEnergyTce.label))
  annualEnergyTce?: number;

  @apply(flag(ProjectFactSpecs.newLand.label))
  newLand?: boolean;

  @apply(flag(ProjectFactSpecs.inApprovalCatalog.label))
  inApprovalCatalog?: boolean;

  @ApiPropertyOptional({ description: ProjectFactSpecs.environmentalImpact.label, enum: ProjectFactSpecs.environmentalImpact.values })
  @IsOptional()
  @IsIn(ProjectFactSpecs.environmentalImpact.values)
  environmentalImpact?: (typeof ProjectFactSpecs.environmentalImpact.values)[number];

  @apply(flag(ProjectFactSpecs.specialConstruction.label))
  specialConstruction?: boolean;

  @apply(flag(ProjectFactSpecs.inCulturalRelicsArea.label))
  inCulturalRelicsArea?: boolean;

  @apply(flag(ProjectFactSpecs.fellsTrees.label))
  fellsTrees?: boolean;

  @apply(flag(ProjectFactSpecs.occupiesRoad.label))
  occupiesRoad?: boolean;

  @apply(flag(ProjectFactSpecs.crossesHighway.label))
  crossesHighway?: boolean;

  @apply(flag(ProjectFactSpecs.crossesRiver.label))
  crossesRiver?: boolean;

  @apply(flag(ProjectFactSpecs.needsWater.label))
  needsWater?: boolean;

  @apply(flag(ProjectFactSpecs.needsDrainage.label))
  needsDrainage?: boolean;

  @apply(flag(ProjectFactSpecs.needsPower.label))
  needsPower?: boolean;

  @apply(flag(ProjectFactSpecs.needsGas.label))
  needsGas?: boolean;

  @apply(flag(ProjectFactSpecs.needsHeating.label))
  needsHeating?: boolean;
}
