import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import { json, urlencoded } from 'express';

export interface HttpAppOptions {
  title: string;
  description: string;
}

/** HTTP concerns shared by the real process and in-process tests. */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  app.use(helmet({ contentSecurityPolicy: false }));
  // a request body larger than this is refused with 413 before it reaches any handler
  app.use(json({ limit: process.env.HTTP_BODY_LIMIT ?? '2mb' }));
  app.use(urlencoded({ extended: false, limit: '100kb' }));
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'docs/openapi.json' });
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
