import { INestApplication } from '@nestjs/common';
import { Worker, WorkerOptions } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { EventConsumer } from '@cityworks/messaging';
import { createTimeSkippingEnvironment, isolateKafkaConsumers, startServiceApp } from '@cityworks/testing';
import { createWorkflowWorker } from '@cityworks/workflows';
import { AppModule as CatalogApp } from '../../../services/catalog/src/app.module';
import { DemoLoaderService } from '../../../services/catalog/src/demo/demo-loader.service';
import { AppModule as ApprovalApp } from '../../../services/approval/src/app.module';
import { seedApprovalItem } from '../../../services/approval/testing/catalog-items.fixture';
import { AppModule as SupervisionApp } from '../../../services/supervision/src/app.module';
import { AppModule as CreditApp } from '../../../services/credit/src/app.module';

/** What an end-to-end scenario runs against: the real services in-process, the workflow worker, Temporal's time-skipping server. */
export interface RunningServices {
  env: TestWorkflowEnvironment;
  catalog: INestApplication;
  approval: INestApplication;
  supervision: INestApplication;
  credit: INestApplication;
  workflowWorker: Worker;
  stop(): Promise<void>;
}

/**
 * Starts the catalog (demo city loaded: it answers the workflows' calendar, item and letter-office
 * questions), approval with 施工许可 (JS-SGXK-001) in its catalog copy, supervision, credit and
 * the workflow worker, on a time-skipping server private to the test file. Postgres and Kafka are the
 * real servers.
 */
export async function startRunningServices(workerOptions: Partial<WorkerOptions> = {}): Promise<RunningServices> {
  isolateKafkaConsumers();
  const env = await createTimeSkippingEnvironment();
  process.env.TEMPORAL_ADDRESS = env.address;
  process.env.TEMPORAL_NAMESPACE = 'default'; // the test server is private to this test
  const catalog = await startServiceApp(CatalogApp);
  await catalog.get(DemoLoaderService).load('e2e');
  const approval = await startServiceApp(ApprovalApp);
  await seedApprovalItem(approval, { code: 'JS-SGXK-001' });
  const supervision = await startServiceApp(SupervisionApp);
  const credit = await startServiceApp(CreditApp);
  const workflowWorker = await createWorkflowWorker(env.nativeConnection, workerOptions);
  const workflowWorkerRun = workflowWorker.run();
  await Promise.all([approval, supervision, credit].map((app) => app.get(EventConsumer).ready));
  return {
    env,
    catalog,
    approval,
    supervision,
    credit,
    workflowWorker,
    async stop() {
      workflowWorker.shutdown();
      await workflowWorkerRun;
      await approval.close();
      await supervision.close();
      await credit.close();
      await catalog.close();
      await env.teardown();
      delete process.env.TEMPORAL_ADDRESS;
    },
  };
}
