import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { configureHttpApp } from '@cityworks/platform';
import { PortalModule } from './portal.module';
import { configurePortalApp } from './portal-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(PortalModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, PORTAL_DOCS);
  configurePortalApp(app);
  const port = Number(process.env.PORTAL_PORT ?? process.env.PORT ?? 3006);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  app.get(Logger).log(`portal listening on http://${host}:${port} (console at /, 公示 at /gongshi/, docs at /docs)`);
}

export const PORTAL_DOCS = {
  title: 'Portal 门户',
  description: 'The 工改办 console and the public 公示 page: a backend-for-frontend calling the services with the user’s token',
};

void bootstrap();
