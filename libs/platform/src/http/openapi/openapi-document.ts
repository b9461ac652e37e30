import { INestApplication, ParseIntPipe, ParseUUIDPipe, Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IS_PUBLIC } from '../public.decorator';
import { ERROR_DESCRIPTIONS, ErrorBody, FieldErrorBody } from './error-body';
import { describedSchemas, REQUEST_CONTENT_EXTENSION, schemaRulesOf } from './schema-rules';
import { describeValidationRules } from './validation-rules';

export interface OpenApiDocumentOptions {
  title: string;
  description: string;
}

/** A pipe that tells the document what it accepts: `static readonly openApi = { pattern: '^\\d{6}$' }`. */
export interface DescribedPipe {
  openApi?: SchemaObject;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ERROR_REF: ReferenceObject = { $ref: '#/components/schemas/ErrorBody' };

interface RouteFacts {
  isPublic: boolean;
  /** path parameter → what its pipes accept */
  params: Record<string, SchemaObject>;
}

function pipeSchema(pipe: unknown): SchemaObject | undefined {
  const type = (typeof pipe === 'function' ? pipe : (pipe as object | undefined)?.constructor) as (Type<unknown> & DescribedPipe) | undefined;
  if (type === ParseUUIDPipe) return { type: 'string', format: 'uuid' };
  if (type === ParseIntPipe) return { type: 'integer' };
  return type?.openApi;
}

/** What the routes' own metadata says and Swagger does not read: @Public(), and the pipes on path parameters. */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | undefined;
      if (!controller?.prototype) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
        const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller));
        const params: Record<string, SchemaObject> = {};
        const args: Record<string, { data?: unknown; pipes?: unknown[] }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
        for (const [key, arg] of Object.entries(args)) {
          if (!key.startsWith(`${RouteParamtypes.PARAM}:`) || typeof arg.data !== 'string') continue;
          for (const pipe of arg.pipes ?? []) {
            const schema = pipeSchema(pipe);
            if (schema) params[arg.data] = { ...params[arg.data], ...schema };
          }
        }
        facts.set(`${controller.name}_${name}`, { isPublic, params });
      }
    }
  }
  return facts;
}

function refName(schema: unknown): string | undefined {
  const ref = (schema as ReferenceObject | undefined)?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
}

/** Every component the named components (and `node`) refer to, transitively. */
function referencedComponents(doc: OpenAPIObject, roots: string[], node?: unknown): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const name = refName(node);
    if (name) {
      if (seen.has(name)) return;
      seen.add(name);
      visit(doc.components?.schemas?.[name]);
      return;
    }
    for (const value of Object.values(node)) visit(value);
  };
  for (const root of roots) visit({ $ref: `#/components/schemas/${root}` });
  visit(node);
  return seen;
}

function errorResponse(status: number): ResponseObject {
  const response: ResponseObject = { description: ERROR_DESCRIPTIONS[status] ?? 'error', content: { 'application/json': { schema: ERROR_REF } } };
  if (status === 503 || status === 429) response.headers = { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'string' } } };
  return response;
}

/**
 * Makes the document say what the services do beyond what the decorators state: the error
 * answers every operation can give (400 for bad input or a NUL character anywhere, 401/403 from
 * the auth guard, 404 for a path naming no record, 413 for a body too large, 429 from the rate
 * limit, 503 while the database is away), each with the ErrorBody schema; `additionalProperties:
 * false` on request bodies (the ValidationPipe refuses unknown fields); the formats and patterns
 * of path parameters' pipes; and which operations need a token.
 */
export function finishOpenApiDocument(doc: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  const bodies: string[] = [];
  // named schemas some component refers to (a recursive condition tree)
  const referenced = JSON.stringify(doc);
  for (const [name, schema] of describedSchemas()) {
    if (referenced.includes(`"#/components/schemas/${name}"`)) (doc.components ??= {}).schemas = { ...doc.components?.schemas, [name]: schema };
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      const facts = routes.get(op.operationId ?? '');
      const isPublic = facts?.isPublic ?? false;
      op.security = isPublic ? [] : [{ bearer: [] }];
      for (const param of (op.parameters ?? []) as ParameterObject[]) {
        if (param.in === 'path') {
          param.required = true;
          param.schema = { type: 'string', ...(param.schema as SchemaObject | undefined), ...facts?.params[param.name] };
        }
        // a query string has no null: an optional parameter is simply left out
        if (param.in === 'query' && param.schema && 'nullable' in param.schema) delete (param.schema as SchemaObject).nullable;
      }
      // a body declared per media type (a CSV file or JSON rows) is a body too: it can be too large (413)
      const extended = op as OperationObject & Record<string, unknown>;
      const content = extended[REQUEST_CONTENT_EXTENSION] as Record<string, object> | undefined;
      if (content) {
        op.requestBody = { required: true, ...(op.requestBody as object | undefined), content };
        delete extended[REQUEST_CONTENT_EXTENSION];
      }
      const statuses = [400, 429, 503, ...(isPublic ? [] : [401, 403]), ...(op.requestBody ? [413] : []), ...(path.includes('{') ? [404] : [])];
      for (const status of statuses) op.responses[status] ??= errorResponse(status);
      for (const [status, response] of Object.entries(op.responses)) {
        const r = response as ResponseObject;
        if (Number(status) >= 400 && !r.content)
          op.responses[status] = { ...errorResponse(Number(status)), description: r.description || errorResponse(Number(status)).description };
      }
      // every component a request body uses: the ValidationPipe refuses their unknown fields
      for (const media of Object.values((op.requestBody as { content?: Record<string, object> } | undefined)?.content ?? {}))
        bodies.push(...referencedComponents(doc, [], media));
    }
  }
  const schemas = doc.components?.schemas ?? {};
  for (const name of referencedComponents(doc, bodies)) {
    const schema = schemas[name] as SchemaObject | undefined;
    if (schema && (schema.type === 'object' || schema.properties)) schema.additionalProperties = false;
  }
  for (const [name, rules] of schemaRulesOf()) {
    const schema = schemas[name] as SchemaObject | undefined;
    if (schema) schema.allOf = [...(schema.allOf ?? []), rules];
  }
  return doc;
}

/** The service's OpenAPI document, as /docs and /docs/openapi.json publish it. */
export function createOpenApiDocument(app: INestApplication, options: OpenApiDocumentOptions): OpenAPIObject {
  describeValidationRules();
  const config = new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBody, FieldErrorBody] });
  return finishOpenApiDocument(doc, routeFacts(app));
}
