import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { SearchAttributes } from '@cityworks/contracts';
import { findWorkspaceRoot } from '@cityworks/temporal';

/**
 * Temporal's time-skipping test server (Java, provisioned by deploy/local from Maven Central):
 * the SDK cannot download one here, so it is given the wrapper script as an existing path.
 */
export function temporalTestServerPath(): string {
  const file = process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(findWorkspaceRoot(__dirname), '.local/bin/temporal-test-server');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`bash deploy/local/provision.sh\` (npm start / npm test do it)`);
  return file;
}

/** how many times a test server that did not come up in the SDK's 5 s is started again */
const START_ATTEMPTS = 3;

/**
 * Starts the test server. The SDK gives a JVM 5 s to listen, which a machine whose two cores are
 * busy (CI starting the cluster profile beside a suite) has missed: a start that timed out is
 * tried again on a new port.
 */
async function startTestServer(): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
      });
    } catch (e) {
      if (attempt === START_ATTEMPTS || !/did not start within/.test((e as Error).message)) throw e;
      console.warn(`the time-skipping test server did not start in time (try ${attempt} of ${START_ATTEMPTS}); starting it again`);
    }
  }
}

/** A time-skipping server with the platform's search attributes registered, as the dev server has them. */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await startTestServer();
  const searchAttributes: Record<string, number> = {};
  for (const key of Object.values(SearchAttributes)) {
    searchAttributes[key.name] = temporal.api.enums.v1.IndexedValueType[
      `INDEXED_VALUE_TYPE_${key.type}` as keyof typeof temporal.api.enums.v1.IndexedValueType
    ] as number;
  }
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  return env;
}
