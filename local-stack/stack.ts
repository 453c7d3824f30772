/** Starts the real local stack (`serverless offline`, what `npm start` runs), for end-to-end tests and the soak. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startDynamoDbLocal } from './dynamodb-local';
import { localKeys, ROOT } from './local-tokens';

/** The Serverless Framework's command (osls, installed as `serverless`), as `npx serverless` runs it. */
const SERVERLESS = require.resolve('serverless/bin/serverless.js');

export interface LocalStack {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  output(): string;
  /** Sends SIGINT, as Ctrl-C does, and waits for the stack to exit. */
  stop(): Promise<number | null>;
}

export async function startStack(options: {
  dataDir: string;
  inMemory?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<LocalStack> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LAMBDA_PORT: String(await freePort()),
    DYNAMODB_LOCAL_PORT: String(await freePort()),
    LOCAL_DATA_DIR: options.dataDir,
    DYNAMODB_ENDPOINT: '',
    ...options.env,
  };
  const args = [SERVERLESS, 'offline', ...(options.inMemory ? ['--in-memory'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the local stack exited early:\n${output}`);
    try {
      await fetch(`${baseUrl}/`);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the local stack did not answer within 90 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    baseUrl,
    env,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** `npm run -s token -- <userId>` against the given data folder. */
export async function token(userId: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'token', '--', userId], { cwd: ROOT, env });
  return stdout;
}

export interface ScratchStack {
  stack: LocalStack;
  /** DynamoDB Local's endpoint, for checking the table afterwards. */
  endpoint: string;
  /** The key pair the stack accepts tokens of. */
  keys: Awaited<ReturnType<typeof localKeys>>;
}

/**
 * Runs `work` against a throw-away local stack: its own in-memory DynamoDB Local, a fresh
 * data folder (token keys), serverless offline; all stopped and removed afterwards.
 */
export async function withScratchStack<T>(logLevel: string, work: (scratch: ScratchStack) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-scratch-'));
  process.env.LOCAL_DATA_DIR = dataDir;
  const dynamo = await startDynamoDbLocal();
  try {
    const stack = await startStack({
      dataDir,
      env: { DYNAMODB_ENDPOINT: dynamo.endpoint, POWERTOOLS_LOG_LEVEL: logLevel },
    });
    try {
      return await work({ stack, endpoint: dynamo.endpoint, keys: await localKeys() });
    } finally {
      await stack.stop();
    }
  } finally {
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
