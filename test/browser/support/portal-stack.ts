import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { EventConsumer } from '@cityworks/messaging';
import { configureHttpApp } from '@cityworks/platform';
import { startServiceApp } from '@cityworks/testing';
import { RunningServices, startRunningServices } from '../../e2e/support/running-services';
import { AppModule as ComplaintsApp } from '../../../services/complaints/src/app.module';
import { PortalModule } from '../../../services/portal/src/portal.module';
import { configurePortalApp } from '../../../services/portal/src/portal-app';

/** Every service in-process on a port of its own, and the portal in front of them, as a browser sees it. */
export interface PortalStack {
  system: RunningServices;
  complaints: INestApplication;
  portal: INestApplication;
  portalUrl: string;
  stop(): Promise<void>;
}

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/**
 * The e2e system (catalog with the demo city, approval, supervision, credit, the workflow worker
 * on Temporal's time-skipping server) plus complaints, each listening on a free port, and the
 * portal started the way main.ts starts it with `<SERVICE>_URL` pointing at them. The portal's
 * dev sign-in signs with the tests' key (jest.setup-env.js), which the services verify.
 */
export async function startPortalStack(): Promise<PortalStack> {
  // the suite's settings, given back as they were when it stops (later test files share the process)
  const before = { ...process.env };
  // the public register and statistics are limited per address: the suite reads them often, from one
  process.env.CREDIT_PUBLIC_RATE_LIMIT_PER_MINUTE = '10000';
  process.env.COMPLAINTS_PUBLIC_RATE_LIMIT_PER_MINUTE = '10000';
  process.env.SUPERVISION_PUBLIC_RATE_LIMIT_PER_MINUTE = '10000';
  const system = await startRunningServices();
  const complaints = await startServiceApp(ComplaintsApp, 'complaints');
  await complaints.get(EventConsumer).ready;
  const urls = {
    CATALOG_URL: await listen(system.catalog),
    APPROVAL_URL: await listen(system.approval),
    SUPERVISION_URL: await listen(system.supervision),
    CREDIT_URL: await listen(system.credit),
    COMPLAINTS_URL: await listen(complaints),
  };
  Object.assign(process.env, urls, { PORTAL_INSECURE_COOKIE: 'true' });
  const portal = await NestFactory.create(PortalModule, { logger: ['error', 'warn'], bodyParser: false });
  configureHttpApp(portal, { title: 'portal', description: 'portal' });
  configurePortalApp(portal);
  const portalUrl = await listen(portal);
  return {
    system,
    complaints,
    portal,
    portalUrl,
    async stop() {
      await portal.close();
      await complaints.close();
      await system.stop();
      for (const k of Object.keys(process.env)) if (!(k in before)) delete process.env[k];
      Object.assign(process.env, before);
    },
  };
}
