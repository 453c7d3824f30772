/**
 * GET /projects as a deployed stage runs it: the cursor key is read at run time from the
 * secret CURSOR_SECRET_ID names (Secrets Manager answers through aws-sdk-client-mock: it has
 * no local emulator), the projects from DynamoDB Local.
 */
import type {
  SecretsManagerClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes,
} from '@aws-sdk/client-secrets-manager';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import { loadFresh } from '../support/fresh';
import { createProject } from '../support/invocations';
import { invoke } from '../support/lambda';
import { freshOwner } from '../support/owners';
import { useTable } from '../support/table';

useTable();

const SECRET_ID = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:projects-api-dev-cursor-AbCdEf';
const OLD = 'the-key-before-the-rotation-0123456789';
const NEW = 'the-key-after-the-rotation-0123456789a';

type SecretsManagerMock = AwsStub<ServiceInputTypes, ServiceOutputTypes, SecretsManagerClientResolvedConfig>;
type SecretsManagerModule = typeof import('@aws-sdk/client-secrets-manager');

/** The mocked Secrets Manager of one module registry, and its command class. */
interface SecretsManager {
  mock: SecretsManagerMock;
  command: SecretsManagerModule['GetSecretValueCommand'];
  /** What Secrets Manager answers for a version that does not exist. */
  notFound: SecretsManagerModule['ResourceNotFoundException'];
}

/** The secret's versions: AWSCURRENT, and AWSPREVIOUS once it has been rotated. */
function secretVersions({ mock, command, notFound }: SecretsManager, current: string, previous?: string) {
  mock.reset();
  mock.on(command, { SecretId: SECRET_ID }).resolves({ SecretString: current });
  const before = mock.on(command, { SecretId: SECRET_ID, VersionStage: 'AWSPREVIOUS' });
  if (previous !== undefined) before.resolves({ SecretString: previous });
  else before.rejects(new notFound({ message: 'no AWSPREVIOUS version', $metadata: { httpStatusCode: 400 } }));
}

/**
 * The list function as a cold start of a deployed stage loads it (CURSOR_SECRET_ID, no
 * CURSOR_SECRET), with the Secrets Manager of its own module registry mocked.
 */
function coldListFunction(current: string, previous?: string) {
  const saved = process.env.CURSOR_SECRET;
  delete process.env.CURSOR_SECRET;
  process.env.CURSOR_SECRET_ID = SECRET_ID;
  try {
    return loadFresh(() => {
      const sdk: SecretsManagerModule = require('@aws-sdk/client-secrets-manager');
      const secretsManager = {
        mock: mockClient(sdk.SecretsManagerClient),
        command: sdk.GetSecretValueCommand,
        notFound: sdk.ResourceNotFoundException,
      };
      secretVersions(secretsManager, current, previous);
      return { handler: require('../../functions/list-projects').handler, secretsManager };
    });
  } finally {
    if (saved !== undefined) process.env.CURSOR_SECRET = saved;
    delete process.env.CURSOR_SECRET_ID;
  }
}

const page = (handler: Parameters<typeof invoke>[0], owner: string, cursor?: string) =>
  invoke(handler, {
    method: 'GET',
    owner,
    query: { limit: '1', ...(cursor ? { cursor } : {}) },
  });

describe('GET /projects with the cursor key in Secrets Manager', () => {
  it('pages with the key it reads at run time, and a rotation keeps the cursors minted before it working', async () => {
    const owner = freshOwner();
    for (const title of ['First', 'Second', 'Third']) expect((await createProject(owner, { title })).status).toBe(201);

    const before = coldListFunction(OLD);
    const first = await page(before.handler, owner);
    expect([first.status, first.body]).toEqual([200, expect.any(String)]);
    const cursor = first.json.data.nextCursor as string;
    expect(before.secretsManager.mock.commandCalls(before.secretsManager.command)).toHaveLength(1);

    // Rotated: a function started after it verifies the cursor with the previous version.
    const after = coldListFunction(NEW, OLD);
    const second = await page(after.handler, owner, cursor);
    expect(second.status).toBe(200);
    expect(second.json.data.items[0].title).not.toBe(first.json.data.items[0].title);
    // Its next cursor is signed with the new key, which the function started before the rotation
    // reads afresh when its cached keys verify nothing.
    secretVersions(before.secretsManager, NEW, OLD);
    const third = await page(before.handler, owner, second.json.data.nextCursor);
    expect(third.status).toBe(200);
    expect(third.json.data.nextCursor).toBeNull();
    const titles = [first, second, third].map((reply) => reply.json.data.items[0].title);
    expect(new Set(titles)).toEqual(new Set(['First', 'Second', 'Third']));
  });

  it('answers 400 VALIDATION_FAILED for a cursor of no version of the key', async () => {
    const owner = freshOwner();
    for (const title of ['One', 'Two']) expect((await createProject(owner, { title })).status).toBe(201);
    const foreign = (await page(coldListFunction('some-other-stage-key-0123456789abcdefgh').handler, owner)).json.data
      .nextCursor as string;
    const reply = await page(coldListFunction(NEW, OLD).handler, owner, foreign);
    expect({ status: reply.status, code: reply.json.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
