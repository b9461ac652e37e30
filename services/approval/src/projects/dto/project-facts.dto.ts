import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ProjectFactSpecs } from '@cityworks/contracts';
import { NUMBER_FACT_BOUNDS } from '../domain/project';

const number = (label: string) => [
  ApiPropertyOptional({ type: Number, description: label, minimum: NUMBER_FACT_BOUNDS.min, maximum: NUMBER_FACT_BOUNDS.max }),
  IsOptional(),
  IsNumber({ allowNaN: false, allowInfinity: false }),
  Min(NUMBER_FACT_BOUNDS.min),
  Max(NUMBER_FACT_BOUNDS.max),
];
const flag = (label: string) => [ApiPropertyOptional({ type: Boolean, description: label }), IsOptional(), IsBoolean()];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/**
 * The facts the catalog's stage-template conditions test (ProjectFactSpecs), each of its type and
 * within the bounds the catalog's required-items query takes. Leave out (or send null for) what is
 * not known yet: the items that hinge on it stay undetermined.
 */
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

  @ApiPropertyOptional({ type: String, description: ProjectFactSpecs.environmentalImpact.label, enum: ProjectFactSpecs.environmentalImpact.values })
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
