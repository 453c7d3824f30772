/**
 * Every npm script as a newcomer meets it: `--help` prints its usage and does nothing else, a
 * bad option or value is one line and the usage (exit 2), a damaged local file is named with
 * what to do, a missing AWS credential is one line; no stack trace, nothing left running.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../local-stack/dynamodb-local';
import { portTaken } from '../../local-stack/processes';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'projects-api-tools-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const STACK_TRACE = /\n\s+at /;

/** `npm run -s <script> -- <args>`: exit code, stdout, stderr. */
function npmRun(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return promisify(execFile)('npm', ['run', '-s', script, '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

const SCRIPTS = ['token', 'bench', 'soak', 'mutate', 'docs', 'events'];

/** `npx serverless offline` on a data folder, on free ports: its exit code, its stderr, the ports. */
async function startOn(data: string) {
  const ports = { PORT: await freePort(), LAMBDA_PORT: await freePort(), DYNAMODB_LOCAL_PORT: await freePort() };
  const env: NodeJS.ProcessEnv = { ...process.env, LOCAL_DATA_DIR: data, DYNAMODB_ENDPOINT: '' };
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  const run = await promisify(execFile)('npx', ['serverless', 'offline'], { cwd: ROOT, env }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
  return { ...run, ports };
}

describe('the npm scripts', () => {
  it.each(SCRIPTS)('%s -- --help prints its usage, and does nothing else', async (script) => {
    const run = await npmRun(script, ['--help']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(new RegExp(`^usage: npm run (-s )?${script}\\b`));
    expect(run.stdout).not.toMatch(/wrote /);
  });

  it.each(SCRIPTS)('%s -- --nope is one line and the usage, exit 2', async (script) => {
    const run = await npmRun(script, ['--nope']);
    expect(run.code).toBe(2);
    const [first, second] = run.stderr.split('\n');
    expect(first).toMatch(/^Unknown option '--nope'/);
    expect(second).toMatch(/^usage: /);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('soak refuses a value it cannot take in one line', async () => {
    const run = await npmRun('soak', ['--clients', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('--clients takes a whole number from 1, not "many"');
  });

  it('token names a damaged key file and what to do, and npm start stops at once on it, leaving nothing running', async () => {
    const data = join(scratch, 'damaged');
    mkdirSync(join(data, 'jwt'), { recursive: true });
    writeFileSync(join(data, 'jwt', 'keys.json'), '{"kid":');
    const line = `${join(data, 'jwt', 'keys.json')} is damaged (Unexpected end of JSON input): delete it and a new key pair is made (tokens signed with the old one stop working)`;
    const token = await npmRun('token', ['alice'], { LOCAL_DATA_DIR: data });
    expect({ code: token.code, stderr: token.stderr }).toEqual({ code: 1, stderr: `${line}\n` });

    const { ports, ...start } = await startOn(data);
    expect(start.code).toBe(1);
    expect(start.stderr.split('\n').filter((l) => l.startsWith('[local]'))).toEqual([`[local] ${line}`]);
    expect(start.stderr).not.toMatch(STACK_TRACE);
    for (const port of Object.values(ports))
      expect({ port, taken: await portTaken(port) }).toEqual({ port, taken: false });
  });

  it('npm start names a damaged DynamoDB Local data folder and what to do, leaving nothing running', async () => {
    const data = join(scratch, 'damaged-db');
    mkdirSync(join(data, 'dynamodb'), { recursive: true });
    writeFileSync(join(data, 'dynamodb', 'shared-local-instance.db'), Buffer.alloc(20_000, 7));
    const { ports, ...start } = await startOn(data);
    expect(start.code).toBe(1);
    expect(start.stderr.split('\n').filter((l) => l.startsWith('[local]'))).toEqual([
      `[local] DynamoDB Local cannot read its data in ${join(data, 'dynamodb')} (InternalFailure): the folder is damaged; delete it (its projects are lost), or start with --in-memory`,
    ]);
    for (const port of Object.values(ports))
      expect({ port, taken: await portTaken(port) }).toEqual({ port, taken: false });
  });

  it('token --stage without AWS credentials says so in one line', async () => {
    const none = join(scratch, 'no-aws');
    const env: NodeJS.ProcessEnv = {
      AWS_SHARED_CREDENTIALS_FILE: none,
      AWS_CONFIG_FILE: none,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SESSION_TOKEN: '',
      AWS_PROFILE: '',
    };
    const run = await npmRun('token', ['--stage', 'nosuch', 'alice'], env);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 1,
      stderr: 'no AWS credentials found: sign in as docs/deploy.md says (aws sso login, or AWS_PROFILE)\n',
    });
  });
});
