import { ApiExtension } from '@nestjs/swagger';
import type { MediaTypeObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

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

/** Extension that carries ApiRequestContent to the document's finishing step. */
export const REQUEST_CONTENT_EXTENSION = 'x-cityworks-request-content';

/**
 * A request body whose schema depends on its media type (a CSV file as text, the same rows as
 * JSON), which @ApiBody cannot say: `@ApiRequestContent({ 'text/csv': { schema: { type: 'string' } }, … })`.
 */
export function ApiRequestContent(content: Record<string, MediaTypeObject>): MethodDecorator {
  return ApiExtension(REQUEST_CONTENT_EXTENSION, content) as MethodDecorator;
}

const namedSchemas = new Map<string, SchemaObject>();

/**
 * A schema no class can describe (a recursive condition tree), added to every document as
 * `#/components/schemas/<name>`; refer to it with `{ $ref: getSchemaPath(name) }`.
 */
export function describeSchema(name: string, schema: SchemaObject): void {
  namedSchemas.set(name, schema);
}

/** name → schema, for the document's components */
export function describedSchemas(): ReadonlyMap<string, SchemaObject> {
  return namedSchemas;
}

/** component name → the rules to merge into it */
export function schemaRulesOf(): ReadonlyMap<string, SchemaObject> {
  return rules;
}
