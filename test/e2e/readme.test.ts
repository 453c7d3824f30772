/**
 * The README's curl walkthrough, run as pasted (only the address changed to the test's stack)
 * against the real local stack: every answer it shows comes back.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type LocalStack, startStack } from '../../local-stack/stack';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'projects-api-readme-'));
let stack: LocalStack;

beforeAll(async () => {
  stack = await startStack({ dataDir, inMemory: true });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The shell block under the README's "Try it with curl". */
function walkthrough(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it with curl'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no sh block under "Try it with curl"');
  return block;
}

describe('the README', () => {
  it('runs its curl walkthrough as pasted and gets the answers it shows', async () => {
    const script = walkthrough().replaceAll('http://localhost:3000', stack.baseUrl);
    const { stdout } = await promisify(execFile)('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: stack.env,
    });
    const shown = [
      'HTTP/1.1 201 Created',
      'etag: "1"',
      '"title":"Road map","description":"Plans for 2027","version":1',
      '"code":"PROJECT_TITLE_CONFLICT","message":"[Conflict] 동일한 이름의 프로젝트가 이미 존재합니다."',
      '"errors":[{"field":"title","message":"Title must not be empty."},{"field":"color","message":"Unknown field."}]',
      '"title":"Road map 2027","description":"Plans for 2027","version":2',
      'HTTP/1.1 204 No Content',
    ];
    for (const fragment of shown)
      expect({ fragment, found: stdout.includes(fragment) }).toEqual({ fragment, found: true });
    // Read and list answer the project the create made (no 404 on the way).
    expect(stdout).not.toContain('PROJECT_NOT_FOUND');
    expect(stdout.match(/"id":"(\w{26})"/g)?.length).toBeGreaterThanOrEqual(4);
  });
});
