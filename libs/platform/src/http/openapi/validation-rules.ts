import 'reflect-metadata';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * The rules a DTO enforces (class-validator decorators) written into its OpenAPI schema, so the
 * published schema states exactly what the ValidationPipe checks: a pattern for @Matches, enum
 * for @IsIn, lengths, bounds, integer for @IsInt, required unless @IsOptional/@ValidateIf.
 * Derived from the validators themselves, the two cannot drift apart. An explicit @ApiProperty
 * value wins (description, example, a pattern simpler to generate from), except the integer type
 * and `required`, which follow the validators unless the DTO marks the property optional.
 */

/** Schema fragments of custom rules (registerDecorator names), e.g. `isUscc`. */
const ruleSchemas = new Map<string, SchemaObject>();

/** Tells the OpenAPI document what a custom validation rule accepts, e.g. `describeRule('isIsoDate', { type: 'string', format: 'date' })`. */
export function describeRule(name: string, schema: SchemaObject): void {
  ruleSchemas.set(name, schema);
}

/** Swagger's property options: a schema plus `required: boolean`, `isArray`, a type given as a class */
type Schema = Record<string, unknown>;

function patternOf(value: unknown): string | undefined {
  if (value instanceof RegExp) return value.source;
  return typeof value === 'string' ? value : undefined;
}

/** What one validator says about the value (or, for `each`, about every item). */
function schemaOf(meta: ValidationMetadata): Schema {
  const c = meta.constraints ?? [];
  switch (meta.name) {
    case 'matches':
      return { type: 'string', pattern: patternOf(c[0]) };
    case 'isIn':
      return Array.isArray(c[0]) ? { enum: [...c[0]] } : {};
    case 'isEnum':
      return c[0] && typeof c[0] === 'object' ? { enum: Object.values(c[0]).filter((v) => typeof v === 'string' || typeof v === 'number') } : {};
    case 'maxLength':
      return { type: 'string', maxLength: c[0] };
    case 'minLength':
      return { type: 'string', minLength: c[0] };
    case 'isLength':
      return { type: 'string', minLength: c[0], ...(c[1] !== undefined ? { maxLength: c[1] } : {}) };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'min':
      return { minimum: c[0] };
    case 'max':
      return { maximum: c[0] };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      // maxDecimalPlaces has no faithful JSON Schema: `multipleOf: 0.0001` cannot be checked
      // exactly against binary floats (0.05 fails it), so the DTO's description states it
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isString':
      return { type: 'string' };
    case 'isUuid':
      return { type: 'string', format: 'uuid' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isIso8601':
    case 'isDateString':
      return { type: 'string', format: 'date-time' };
    case 'isArray':
      return { type: 'array' };
    case 'arrayMaxSize':
      return { type: 'array', maxItems: c[0] };
    case 'arrayMinSize':
      return { type: 'array', minItems: c[0] };
    case 'arrayNotEmpty':
      return { type: 'array', minItems: 1 };
    case 'arrayUnique':
      return { type: 'array', uniqueItems: true };
    case 'isObject':
      return { type: 'object' };
    default:
      return { ...(ruleSchemas.get(meta.name ?? '') ?? {}) };
  }
}

/** Merges rule fragments; where two rules bound the same thing the tighter one holds. */
function combine(into: Schema, add: Schema): Schema {
  for (const [key, value] of Object.entries(add)) {
    if (value === undefined) continue;
    const current = into[key];
    if (current === undefined) into[key] = value;
    else if (key === 'minLength' || key === 'minimum' || key === 'minItems') into[key] = Math.max(current as number, value as number);
    else if (key === 'maxLength' || key === 'maximum' || key === 'maxItems') into[key] = Math.min(current as number, value as number);
    else if (key === 'type' && current === 'number' && value === 'integer') into[key] = value;
    else if (key === 'type' && current === 'integer' && value === 'number') continue;
    else into[key] = value;
  }
  return into;
}

interface Derived {
  schema: Schema;
  items: Schema;
  optional: boolean;
  nullable: boolean;
}

function derive(metas: ValidationMetadata[]): Derived {
  const out: Derived = { schema: {}, items: {}, optional: false, nullable: false };
  for (const meta of metas) {
    if (meta.type === ValidationTypes.CONDITIONAL_VALIDATION) out.optional = true;
    if (meta.type === ValidationTypes.CONDITIONAL_VALIDATION && meta.name === 'isOptional') out.nullable = true;
    if (meta.type !== ValidationTypes.CUSTOM_VALIDATION) continue;
    combine(meta.each ? out.items : out.schema, schemaOf(meta));
  }
  return out;
}

const SWAGGER_TYPES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
  ['string', 'string'],
  ['number', 'number'],
  ['boolean', 'boolean'],
  ['integer', 'integer'],
]);

// @nestjs/swagger's metadata keys (its `DECORATORS`, not exported from the package root)
const DECORATORS = { API_MODEL_PROPERTIES: 'swagger/apiModelProperties', API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray' } as const;
const ORIGINAL = 'cityworks:openapi:explicit';
const done = new WeakSet<object>();

function explicitOptions(prototype: object, property: string): Schema {
  const stored = Reflect.getOwnMetadata(ORIGINAL, prototype, property) as Schema | undefined;
  if (stored) return stored;
  const own = Reflect.getOwnMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property) as Schema | undefined;
  // inherited: the parent's own options, not what an earlier run derived for it
  const explicit = {
    ...(own ??
      (Reflect.getMetadata(ORIGINAL, prototype, property) as Schema | undefined) ??
      Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, property) ??
      {}),
  };
  Reflect.defineMetadata(ORIGINAL, explicit, prototype, property);
  return explicit;
}

function enrichProperty(prototype: object, property: string, metas: ValidationMetadata[]): void {
  const explicit = explicitOptions(prototype, property);
  const { schema, items, optional, nullable } = derive(metas);
  const explicitType = explicit.type ?? Reflect.getMetadata('design:type', prototype, property);
  const merged: Schema = { ...schema, ...explicit };
  const isArray = explicit.isArray === true || explicitType === Array || explicitType === 'array' || schema.type === 'array' || Object.keys(items).length > 0;
  if (isArray) {
    // an array of primitives: the item rules go into `items`
    const itemType = explicit.isArray ? SWAGGER_TYPES.get(explicitType) : undefined;
    const explicitItems = (explicit.items as Schema | undefined) ?? {};
    if (itemType || explicit.items || Object.keys(items).length) {
      const mergedItems: Schema = { ...(itemType ? { type: itemType } : {}), ...items, ...explicitItems };
      if (explicitItems.type === undefined && items.type) mergedItems.type = items.type;
      if (mergedItems.type !== 'string' && mergedItems.minLength === 1 && explicitItems.minLength === undefined) delete mergedItems.minLength;
      merged.type = 'array';
      merged.items = mergedItems;
      delete merged.isArray;
    }
  } else {
    const base = SWAGGER_TYPES.get(explicitType);
    if (schema.type === 'integer' && (base === 'number' || base === undefined)) merged.type = 'integer';
    else if (base) merged.type = base;
    if (merged.type !== 'string' && merged.minLength === 1 && explicit.minLength === undefined) delete merged.minLength;
  }
  if ((merged.pattern as unknown) instanceof RegExp) merged.pattern = (merged.pattern as RegExp).source;
  // optional when a validator lets the value be missing, or the DTO says so (a rule like
  // "required for a bad record" is stated for the whole body with @SchemaRules)
  merged.required = !optional && explicit.required !== false;
  // @IsOptional() lets null through as well as a missing value
  if (nullable && explicit.nullable === undefined) merged.nullable = true;
  const list: string[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) ?? [];
  if (!list.includes(`:${property}`)) Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, [...list, `:${property}`], prototype);
  Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, merged, prototype, property);
}

/**
 * Writes every DTO's validation rules into its Swagger metadata; runs before each document is
 * built and touches a class once.
 */
export function describeValidationRules(): void {
  type Target = abstract new (...args: never[]) => unknown;
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<Target, ValidationMetadata[]>;
    getTargetValidationMetadatas(target: Target, schema: string, always: boolean, strictGroups: boolean): ValidationMetadata[];
  };
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target !== 'function' || done.has(target)) continue;
    done.add(target);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const meta of storage.getTargetValidationMetadatas(target, '', true, false)) {
      if (!meta.propertyName) continue;
      byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
    }
    for (const [property, metas] of byProperty) enrichProperty(target.prototype, property, metas);
  }
}
