/**
 * Starts one in-memory DynamoDB Local for the whole run; each test file makes its own table.
 * A run of unit tests alone (`npm test -- test/unit`) starts none, and needs no Java.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Config } from '@jest/types';
import { startDynamoDbLocal } from '../../local-stack/dynamodb-local';

const TEST_ROOT = join(__dirname, '..');

/** The test files of this run: those whose path the run's pattern matches, as Jest matches them. */
function selectedTestFiles(globalConfig: Config.GlobalConfig): string[] {
  const pattern = new RegExp(globalConfig.testPathPattern, 'i');
  return readdirSync(TEST_ROOT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(TEST_ROOT, file))
    .filter((file) => pattern.test(file));
}

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (process.env.DYNAMODB_ENDPOINT) return; // an endpoint given from outside
  const unitOnly = selectedTestFiles(globalConfig).every((file) => file.startsWith(join(TEST_ROOT, 'unit') + sep));
  if (unitOnly) return;
  const dynamo = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as { __dynamo?: typeof dynamo }).__dynamo = dynamo;
}
