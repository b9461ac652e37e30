import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const rules = new Map<string, SchemaObject>();

/**
 * Rules over several fields of a request body that a DTO checks and a property-by-property
 * schema cannot say, written as JSON Schema into the class's component, e.g. "reason is
 * required when the decision is rejected":
 *
 *   @SchemaRules({ anyOf: [{ properties: { decision: { enum: ['approved'] } } }, { required: ['reason'] }] })
 */
export function SchemaRules(schema: SchemaObject): ClassDecorator {
  return (target) => {
    rules.set(target.name, schema);
  };
}

/** component name → the rules to merge into it */
export function schemaRulesOf(): ReadonlyMap<string, SchemaObject> {
  return rules;
}
