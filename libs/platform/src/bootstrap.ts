import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import { json, urlencoded } from 'express';
import { methodNotAllowed } from './http/method-not-allowed.middleware';
import { requestDuration } from './http/request-duration.middleware';
import { trustProxySetting } from './http/trust-proxy';
import { createOpenApiDocument } from './http/openapi/openapi-document';

export interface HttpAppOptions {
  title: string;
  description: string;
}

/** HTTP concerns shared by the real process and in-process tests. */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const trustProxy = trustProxySetting(process.env.TRUST_PROXY);
  if (trustProxy !== undefined) (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set('trust proxy', trustProxy);
  // first, so the time covers every other middleware, the guards and the handler
  app.use(requestDuration());
  app.use(helmet({ contentSecurityPolicy: false }));
  // a path that exists answers 405 with Allow for a method it does not have
  app.use(methodNotAllowed(app));
  // a request body larger than this is refused with 413 before it reaches any handler
  app.use(json({ limit: process.env.HTTP_BODY_LIMIT ?? '2mb' }));
  app.use(urlencoded({ extended: false, limit: '100kb' }));
  app.enableShutdownHooks();
  // every status each operation can answer, every rule its input must keep (see createOpenApiDocument)
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app, options), { jsonDocumentUrl: 'docs/openapi.json' });
}

export async function bootstrapService(module: Type<unknown>, options: HttpAppOptions & { defaultPort: number }): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, options);
  const port = Number(process.env.PORT ?? options.defaultPort);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  app.get(Logger).log(`${options.title} listening on http://${process.env.HOST ?? '127.0.0.1'}:${port} (docs at /docs)`);
  return app;
}
