/**
 * Unit tests need no Java: Jest's global setup starts DynamoDB Local only for a run that holds
 * a test beyond test/unit. Run here with a `java` that cannot start first on the PATH.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const noJava = mkdtempSync(join(tmpdir(), 'projects-api-no-java-'));
afterAll(() => rmSync(noJava, { recursive: true, force: true }));

/** `npx jest <paths>` with no usable Java and no DynamoDB given: its exit code and output. */
async function jestWithoutJava(paths: string[]) {
  writeFileSync(join(noJava, 'java'), '#!/bin/sh\nexit 127\n');
  chmodSync(join(noJava, 'java'), 0o755);
  const env = { ...process.env, PATH: `${noJava}:${process.env.PATH}`, DYNAMODB_ENDPOINT: '' };
  return promisify(execFile)('npx', ['jest', ...paths], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  );
}

describe('npm test -- test/unit', () => {
  it('passes with no Java on the PATH: no DynamoDB Local is started for unit tests', async () => {
    const run = await jestWithoutJava(['test/unit/domain/ids.test.ts', 'test/unit/validation/validate.test.ts']);
    expect(run.output).not.toMatch(/needs Java/);
    expect(run.code).toBe(0);
  });

  it('says in one line that Java is needed when the run holds a test that uses DynamoDB Local', async () => {
    const run = await jestWithoutJava(['test/integration/docs.test.ts']);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/DynamoDB Local needs Java 17 or newer/);
  });
});
