/**
 * The typed client as a front-end project gets it: `npm pack` of client/ (built on pack), the
 * tarball installed into a scratch project beside openapi-fetch, a use of it type-checked by
 * TypeScript as that project would (nodenext), and run against the local stack.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type LocalStack, startStack, token } from '../../local-stack/stack';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'projects-api-client-package-'));
const scratch = join(work, 'app');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const version = (name: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** The scratch project's TypeScript settings: a Node ESM project's (nodenext). */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    skipLibCheck: false,
    outDir: 'dist',
    types: [],
    lib: ['ES2022', 'DOM'],
  },
};

/** A use of the client: a create, the same title again, each answer printed. */
const USE = `import { createProjectsClient, type Project } from '@projects-api/client';

declare const process: { env: Record<string, string | undefined> };

const client = createProjectsClient({ baseUrl: process.env.API_URL ?? '', token: process.env.TOKEN ?? '' });
const title = 'From the package';
const created = await client.createProject({ title });
const project: Project | undefined = created.ok ? created.data : undefined;
const again = await client.createProject({ title: title.toUpperCase() });
console.log(JSON.stringify({ created: created.status, title: project?.title, again: again.status, code: again.ok ? null : again.error.code }));
`;

describe('the typed client as a package', () => {
  let stack: LocalStack;
  let tarball: string;

  beforeAll(async () => {
    await run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(ROOT, 'client') });
    tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')) ?? 'no tarball');
    mkdirSync(scratch);
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `openapi-fetch@${version('openapi-fetch')}`],
      { cwd: scratch },
    );
    stack = await startStack({ dataDir: join(work, 'data'), inMemory: true });
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('packs the built client, its types and the generated schema, and nothing else', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    expect(stdout.trim().split('\n').sort()).toEqual(
      [
        'package/dist/index.d.ts',
        'package/dist/index.js',
        'package/dist/retry.d.ts',
        'package/dist/retry.js',
        'package/dist/schema.d.ts',
        'package/package.json',
      ].sort(),
    );
    const installed = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8'));
    expect(Object.keys(installed.dependencies).sort()).toEqual(['@projects-api/client', 'openapi-fetch']);
  });

  it('type-checks a use of it, and refuses a body the API would refuse', async () => {
    writeFileSync(join(scratch, 'use.ts'), USE);
    writeFileSync(
      join(scratch, 'wrong.ts'),
      `import { createProjectsClient } from '@projects-api/client';\nawait createProjectsClient({ baseUrl: '' }).createProject({ titel: 'x' });\n`,
    );
    const wrong = await run(process.execPath, [TSC, '-p', '.', '--noEmit'], { cwd: scratch }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    const errors = wrong
      .trim()
      .split('\n')
      .filter((line) => line.includes('error TS'));
    expect(errors).toEqual([
      expect.stringMatching(/^wrong\.ts\(2,\d+\): error TS2561: .*'titel' does not exist in type/),
    ]);
    rmSync(join(scratch, 'wrong.ts'));
    await run(process.execPath, [TSC, '-p', '.'], { cwd: scratch });
  });

  it('calls the local stack: 201, then 409 PROJECT_TITLE_CONFLICT for the same title', async () => {
    const env = { ...process.env, API_URL: stack.baseUrl, TOKEN: (await token('package-user', stack.env)).trim() };
    const { stdout } = await run(process.execPath, [join(scratch, 'dist', 'use.js')], { env });
    expect(JSON.parse(stdout)).toEqual({
      created: 201,
      title: 'From the package',
      again: 409,
      code: 'PROJECT_TITLE_CONFLICT',
    });
  });
});
