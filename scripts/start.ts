/**
 * `npm start`: the whole local stack, with nothing but Node, npm and Java.
 *
 *  1. DynamoDB Local, data kept under .data/dynamodb (or `--in-memory`), unless
 *     DYNAMODB_ENDPOINT names a DynamoDB to use instead;
 *  2. the table, created from resources/projects-table.yml if it is missing;
 *  3. serverless offline (stage `local`) on a port of its own, its functions warmed;
 *  4. the front door on PORT (default 3000; scripts/lib/front-door.ts): a failed or timed-out
 *     function is a 5xx in the contract's envelope, never the emulator's 200, and a burst of
 *     requests is served a few at a time per function (LOCAL_CONCURRENCY, default 3) by the
 *     workers warmed at start.
 * Ctrl-C, SIGTERM or SIGHUP, to this process or to `npm start` above it, stops everything it
 * started; so does the end of the process that started it. A taken port is one line, not a
 * stack trace.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, watch } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, relative } from 'node:path';
import { freePort, type RunningDynamoDb, startDynamoDbLocal } from './lib/dynamodb-local';
import { DEFAULT_PER_FUNCTION, type FrontDoor, startFrontDoor } from './lib/front-door';
import { dataDir, localKeys, ROOT } from './lib/local-auth';
import { ensureTable, localClient, localTableName } from './lib/table';
import { warmDynamoDb, warmFunctions } from './lib/warm';

const log = (message: string) => process.stderr.write(`[start] ${message}\n`);

/** Whether something already listens on the port. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

/** The parent of a process (Linux's /proc); undefined where that cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Calls `onLost` when the process that started this one ends, or the one above it (npm, when
 * `npm start` runs this through tsx): a SIGKILL or a crash there sends no signal here.
 */
function watchParents(onLost: () => void): void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  setInterval(() => {
    if (process.ppid !== parent || (grandparent !== undefined && parentOf(parent) !== grandparent)) onLost();
  }, 500).unref();
}

/** Resolves once something accepts connections on the port; throws if `gaveUp` says so first. */
async function untilListening(target: { host: string; port: number }, gaveUp: () => boolean): Promise<void> {
  for (;;) {
    if (gaveUp()) throw new Error('serverless offline stopped before it listened');
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(target.port, target.host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Code changes take effect on the next request: serverless-esbuild watches functions/ and lib/
 * (serverless.yml), bundles again on a change, and serverless offline drops its workers, so
 * the next invocation loads the new bundle. From the moment a source file changes until
 * serverless offline says the workers are gone (scripts/lib/offline-reloaded.cjs, over IPC),
 * the front door holds the requests that arrive, so that none is served by the old code.
 */
function holdDuringReloads(door: FrontDoor, offline: ChildProcess): void {
  let release: (() => void) | undefined;
  let safety: NodeJS.Timeout | undefined;
  const resume = () => {
    clearTimeout(safety);
    release?.();
    release = undefined;
  };
  const sourceChanged = (_event: string, file: string | null) => {
    if (!file?.endsWith('.ts')) return;
    if (!release) door.hold(new Promise<void>((resolve) => (release = resolve)));
    clearTimeout(safety);
    // A change that builds nothing (a failed build) must not hold requests for long.
    safety = setTimeout(resume, 20_000);
  };
  // Each folder on its own: Node 20's recursive watch on Linux sees changes late.
  const folders = ['functions', 'lib'].flatMap((top) => [
    top,
    ...readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name))),
  ]);
  for (const folder of folders) watch(join(ROOT, folder), sourceChanged).unref();
  offline.on('message', (message: { type?: string }) => {
    if (message?.type === 'functions-reloaded') {
      log('code changed: functions reloaded');
      resume();
    }
  });
}

async function main(): Promise<void> {
  // The SDK is pinned to releases that support Node 20; Lambda itself runs Node 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const inMemory = process.argv.includes('--in-memory');
  const port = Number(process.env.PORT ?? 3000);
  const perFunction = Number(process.env.LOCAL_CONCURRENCY ?? DEFAULT_PER_FUNCTION);
  if (!Number.isInteger(perFunction) || perFunction < 1 || perFunction > 64) {
    log(`LOCAL_CONCURRENCY must be a whole number from 1 to 64, not "${process.env.LOCAL_CONCURRENCY}"`);
    process.exit(1);
  }
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
  process.on('SIGHUP', () => void stop(129));
  watchParents(() => void stop(143));

  if (await portTaken(port)) {
    log(
      `port ${port} is already in use: stop the server that holds it, or choose another port (PORT=${port + 1} npm start)`,
    );
    process.exit(1);
  }

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
    log(`table ${tableName} ${created ? 'created' : 'exists'}`);
    // In the background, while serverless offline bundles: DynamoDB Local's first transactions are slow.
    const dynamoWarm = warmDynamoDb(client).finally(() => client.destroy());

    const keys = await localKeys();
    const lambdaPort = await freePort(Number(process.env.LAMBDA_PORT ?? 3002));
    const offlinePort = await freePort();
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
        // The IPC channel: scripts/lib/offline-reloaded.cjs says when changed code is in place.
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
        env: {
          ...process.env,
          PORT: String(offlinePort),
          LAMBDA_PORT: String(lambdaPort),
          DYNAMODB_ENDPOINT: endpoint,
          JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk),
          AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
          SLS_TELEMETRY_DISABLED: '1',
          SLS_NOTIFICATIONS_MODE: 'off',
        },
      },
    );
    offline.once('exit', (code, signal) => {
      if (!stopping) log(`serverless offline exited (${signal ?? code})`);
      void stop(code ?? 1);
    });
    const upstream = { host: '127.0.0.1', port: offlinePort };
    log(`DynamoDB Local warmed in ${(await dynamoWarm).toFixed(1)} s`);
    await untilListening(upstream, () => offline?.exitCode !== null || stopping);
    const warmed = await warmFunctions(upstream, perFunction);
    log(`functions warmed (${perFunction} workers each) in ${warmed.toFixed(1)} s`);
    const door = await startFrontDoor(port, {
      upstream,
      perFunction,
      maxQueueMs: 20_000,
      upstreamTimeoutMs: 29_000,
      onFailure: (what) => log(`${what}: answered 5xx in the contract's envelope`),
    });
    holdDuringReloads(door, offline);
    log(`API on http://localhost:${port}; a token: npm run -s token -- <userId>`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    await stop(1);
  }
}

void main();
