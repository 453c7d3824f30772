/**
 * `npx serverless invoke local -f <function> -p events/<function>.json`, typed as a user types
 * it in a fresh checkout: the sample events (recorded from the local gateway) answer against
 * DynamoDB Local, with no AWS credentials and whatever the stage.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort, type RunningDynamoDb, startDynamoDbLocal } from '../../local-stack/dynamodb-local';
import { portTaken } from '../../local-stack/processes';
import { freshCheckout } from '../support/checkout';

jest.setTimeout(300_000);

let checkout: string;
/** A DynamoDB Local of this file's own: the local stack's table name is the same for every stack. */
let dynamo: RunningDynamoDb;
beforeAll(async () => {
  checkout = await freshCheckout('projects-api-invoke-');
  dynamo = await startDynamoDbLocal();
});
afterAll(async () => {
  await dynamo?.stop();
  rmSync(checkout, { recursive: true, force: true });
});

/** What `npx serverless invoke local` printed: the function's result (its last JSON value) and its log. */
async function invokeLocal(fn: string, env: NodeJS.ProcessEnv) {
  const { stdout, stderr } = await promisify(execFile)(
    'npx',
    ['serverless', 'invoke', 'local', '-f', fn, '-p', `events/${fn}.json`],
    // The docs page is about 2 MB of HTML.
    {
      cwd: checkout,
      env: { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', ...env },
      maxBuffer: 2 ** 26,
    },
  );
  const result = JSON.parse(stdout.slice(stdout.lastIndexOf('\n{') + 1)) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
  };
  const json = result.headers['content-type']?.startsWith('application/json') ? JSON.parse(result.body) : undefined;
  return { ...result, json, output: stdout + stderr };
}

describe('npx serverless invoke local with the sample events', () => {
  it('creates a project, answers the same create with 409, and lists it, against DynamoDB Local', async () => {
    const env = { DYNAMODB_ENDPOINT: dynamo.endpoint };
    const created = await invokeLocal('createProject', env);
    expect(created.statusCode).toBe(201);
    expect(created.json.data).toMatchObject({ title: 'Sample project', version: 1 });
    expect(created.output).toContain('"owner":"alice"');
    const again = await invokeLocal('createProject', env);
    expect(again.statusCode).toBe(409);
    expect(again.json.code).toBe('PROJECT_TITLE_CONFLICT');
    const listed = await invokeLocal('listProjects', env);
    expect(listed.statusCode).toBe(200);
    expect(listed.json.data.items.map((p: { title: string }) => p.title)).toEqual(['Sample project']);
  });

  it('answers every other function: the public routes, and the routes of an id no one has', async () => {
    const env = { DYNAMODB_ENDPOINT: dynamo.endpoint };
    expect((await invokeLocal('getOpenApi', env)).json.openapi).toBe('3.1.0');
    expect((await invokeLocal('getProject', env)).json.code).toBe('PROJECT_NOT_FOUND');
    expect((await invokeLocal('routeNotFound', env)).json.code).toBe('ROUTE_NOT_FOUND');
    for (const fn of ['updateProject', 'deleteProject', 'restoreProject']) {
      const reply = await invokeLocal(fn, env);
      expect({ fn, status: reply.statusCode, code: reply.json.code }).toEqual({
        fn,
        status: 404,
        code: 'PROJECT_NOT_FOUND',
      });
    }
    const docs = await invokeLocal('getDocs', env);
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('starts a DynamoDB Local of its own when none runs, and stops it afterwards', async () => {
    const port = await freePort();
    const batch = await invokeLocal('createProjectsBatch', {
      DYNAMODB_ENDPOINT: '',
      DYNAMODB_LOCAL_PORT: String(port),
      LOCAL_DATA_DIR: `${checkout}/.data`,
    });
    expect(batch.statusCode).toBe(201);
    expect(batch.json.data.items).toHaveLength(2);
    expect(batch.output).toContain(`DynamoDB Local started for this invocation at http://127.0.0.1:${port}`);
    expect(await portTaken(port)).toBe(false);
  });

  it('stops the DynamoDB Local it started when the command fails', async () => {
    const port = await freePort();
    const failed = await promisify(execFile)(
      'npx',
      ['serverless', 'invoke', 'local', '-f', 'noSuchFunction', '-p', 'events/getProject.json'],
      {
        cwd: checkout,
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: '',
          DYNAMODB_LOCAL_PORT: String(port),
          LOCAL_DATA_DIR: `${checkout}/.data`,
        },
      },
    ).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(`${failed?.stdout}${failed?.stderr}`).toContain('Function "noSuchFunction" doesn\'t exist in this Service');
    expect(await portTaken(port)).toBe(false);
  });
});
