/**
 * `npm start`: the whole local stack, with nothing but Node, npm and Java.
 *
 *  1. DynamoDB Local, data kept under .data/dynamodb (or `--in-memory`), unless
 *     DYNAMODB_ENDPOINT names a DynamoDB to use instead;
 *  2. the table, created from resources/projects-table.yml if it is missing;
 *  3. serverless offline (stage `local`) on PORT (default 3000).
 * Ctrl-C stops everything it started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, type RunningDynamoDb, startDynamoDbLocal } from './lib/dynamodb-local';
import { dataDir, localKeys, ROOT } from './lib/local-auth';
import { ensureTable, localClient, localTableName } from './lib/table';

const log = (message: string) => process.stderr.write(`[start] ${message}\n`);

async function main(): Promise<void> {
  // The SDK is pinned to releases that support Node 20; Lambda itself runs Node 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const inMemory = process.argv.includes('--in-memory');
  const port = Number(process.env.PORT ?? 3000);
  let dynamo: RunningDynamoDb | undefined;
  let offline: ChildProcess | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (offline && offline.exitCode === null) offline.kill('SIGTERM');
    await dynamo?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));

  try {
    let endpoint = process.env.DYNAMODB_ENDPOINT;
    if (endpoint) {
      log(`using DynamoDB at ${endpoint} (DYNAMODB_ENDPOINT)`);
    } else {
      dynamo = await startDynamoDbLocal({
        port: Number(process.env.DYNAMODB_LOCAL_PORT ?? 8000),
        ...(inMemory ? {} : { dataDir: join(dataDir(), 'dynamodb') }),
      });
      endpoint = dynamo.endpoint;
      log(`DynamoDB Local at ${endpoint} (${inMemory ? 'in memory' : `data in ${join(dataDir(), 'dynamodb')}`})`);
    }
    const tableName = localTableName();
    const client = localClient(endpoint);
    const created = await ensureTable(client, tableName);
    client.destroy();
    log(`table ${tableName} ${created ? 'created' : 'exists'}`);

    const keys = await localKeys();
    const lambdaPort = await freePort(Number(process.env.LAMBDA_PORT ?? 3002));
    offline = spawn(
      process.execPath,
      [
        require.resolve('osls/bin/serverless.js'),
        'offline',
        'start',
        '--stage',
        'local',
        '--noAuth',
        '--localEnvironment',
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          PORT: String(port),
          LAMBDA_PORT: String(lambdaPort),
          DYNAMODB_ENDPOINT: endpoint,
          JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
          AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
          SLS_TELEMETRY_DISABLED: '1',
          SLS_NOTIFICATIONS_MODE: 'off',
        },
      },
    );
    log(`API on http://localhost:${port}; a token: npm run -s token -- <userId>`);
    offline.once('exit', (code, signal) => {
      if (!stopping) log(`serverless offline exited (${signal ?? code})`);
      void stop(code ?? 1);
    });
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    await stop(1);
  }
}

void main();
