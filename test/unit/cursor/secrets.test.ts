/**
 * The cursor keys of a deployed stage, read at run time from Secrets Manager, which has no
 * local emulator: its answers are mocked at the SDK (aws-sdk-client-mock), the rest is ours.
 */
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { storedCursorSecrets } from '../../../lib/cursor/secrets';
import { decodeCursor, mintCursor, readCursor } from '../../../lib/cursor/token';
import { isRejection } from '../../../lib/errors/rejections';

const SECRET_ID = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cursor-AbCdEf';
const OLD = 'the-key-before-the-rotation-0123456789';
const NEW = 'the-key-after-the-rotation-0123456789a';
const POSITION = { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', sortKey: 'PROJECT#01ARZ3NDEKTSV4RRFFQ69G5FAV' };
const TIMEOUTS = { region: 'us-east-1', dynamodb: { connectTimeoutMs: 100, requestTimeoutMs: 100, maxAttempts: 1 } };

const secretsManager = mockClient(SecretsManagerClient);

/** The secret's versions as Secrets Manager keeps them: AWSCURRENT, and AWSPREVIOUS after a rotation. */
function versions(current: string, previous?: string) {
  secretsManager.reset();
  secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ID }).resolves({ SecretString: current });
  const before = secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ID, VersionStage: 'AWSPREVIOUS' });
  if (previous === undefined) {
    before.rejects(
      new ResourceNotFoundException({
        message: "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS",
        $metadata: { httpStatusCode: 400 },
      }),
    );
  } else {
    before.resolves({ SecretString: previous });
  }
}

const reads = (stage?: string) =>
  secretsManager
    .commandCalls(GetSecretValueCommand)
    .filter(({ args: [command] }) => command.input.VersionStage === stage).length;

/** A clock the test moves; the Powertools cache reads Date.now, which moves with it. */
function clock() {
  let now = Date.now();
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (isRejection(error) ? (error as { code: string }).code : 'exception'),
  );

afterEach(() => jest.restoreAllMocks());

describe('the cursor keys of a deployed stage', () => {
  it('signs new cursors with the current version, read once while it is cached', async () => {
    versions(NEW);
    const secrets = storedCursorSecrets(SECRET_ID, TIMEOUTS);
    const first = await mintCursor(secrets, 'alice', false, POSITION);
    await mintCursor(secrets, 'alice', false, POSITION);
    expect(await readCursor(secrets, 'alice', false, first)).toEqual(POSITION);
    expect(reads(undefined)).toBe(1);
  });

  it('still takes a cursor signed with the key a rotation replaced, and signs new ones with the new key', async () => {
    versions(OLD);
    const before = await mintCursor(storedCursorSecrets(SECRET_ID, TIMEOUTS), 'alice', false, POSITION);
    versions(NEW, OLD);
    const secrets = storedCursorSecrets(SECRET_ID, TIMEOUTS);
    expect(await readCursor(secrets, 'alice', false, before)).toEqual(POSITION);
    const after = await mintCursor(secrets, 'alice', false, POSITION);
    expect(after).not.toBe(before);
    versions(NEW);
    expect(await readCursor(storedCursorSecrets(SECRET_ID, TIMEOUTS), 'alice', false, after)).toEqual(POSITION);
  });

  it('takes a cursor signed with a key newer than its cache, read afresh at most once a minute', async () => {
    const time = clock();
    versions(OLD);
    const stale = storedCursorSecrets(SECRET_ID, TIMEOUTS, { now: time.now });
    await mintCursor(stale, 'alice', false, POSITION);
    versions(NEW, OLD);
    const newer = await mintCursor(storedCursorSecrets(SECRET_ID, TIMEOUTS), 'alice', false, POSITION);
    secretsManager.resetHistory();
    expect(await readCursor(stale, 'alice', false, newer)).toEqual(POSITION);
    expect([reads(undefined), reads('AWSPREVIOUS')]).toEqual([1, 1]);
    // Now cached: the newer key verifies, and a forged cursor asks Secrets Manager nothing more.
    secretsManager.resetHistory();
    expect(await readCursor(stale, 'alice', false, newer)).toEqual(POSITION);
    expect(await codeOf(readCursor(stale, 'alice', false, `${newer.slice(0, -1)}A`))).toBe('VALIDATION_FAILED');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(0);
    // A minute on, one fresh read of the current version: unchanged, so no rotation to look for.
    time.advance(61);
    expect(await codeOf(readCursor(stale, 'alice', false, `${newer.slice(0, -1)}A`))).toBe('VALIDATION_FAILED');
    expect([reads(undefined), reads('AWSPREVIOUS')]).toEqual([1, 0]);
  });

  it('refuses a cursor of a key it never had, asking Secrets Manager again at most once a minute', async () => {
    const time = clock();
    versions(NEW);
    const secrets = storedCursorSecrets(SECRET_ID, TIMEOUTS, { now: time.now });
    const foreign = await mintCursor(storedCursorSecrets(SECRET_ID, TIMEOUTS), 'bob', false, POSITION);
    secretsManager.resetHistory();
    const refusals = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        expect(await codeOf(readCursor(secrets, 'alice', false, foreign))).toBe('VALIDATION_FAILED');
      }
      return [reads(undefined), reads('AWSPREVIOUS')];
    };
    // The first read of both versions (a secret never rotated has no previous one), then the
    // current version afresh: unchanged, so there was no rotation and nothing more to ask.
    expect(await refusals(3)).toEqual([2, 1]);
    time.advance(59);
    expect(await refusals(3)).toEqual([2, 1]);
    time.advance(2);
    expect(await refusals(3)).toEqual([3, 1]);
  });

  it('signs with the new key once its cache of five minutes expires after a rotation', async () => {
    const time = clock();
    versions(OLD);
    const secrets = storedCursorSecrets(SECRET_ID, TIMEOUTS, { now: time.now });
    const signedWith = async () => {
      const cursor = await mintCursor(secrets, 'alice', false, POSITION);
      return [OLD, NEW].filter((key) => {
        try {
          return decodeCursor(key, 'alice', false, cursor) !== undefined;
        } catch {
          return false;
        }
      });
    };
    expect(await signedWith()).toEqual([OLD]);
    versions(NEW, OLD);
    time.advance(299);
    expect(await signedWith()).toEqual([OLD]);
    time.advance(2);
    expect(await signedWith()).toEqual([NEW]);
  });

  it('answers 503 while Secrets Manager is throttled or unreachable, and fails loudly when it refuses access', async () => {
    const failing = (error: Error) => {
      secretsManager.reset();
      secretsManager.on(GetSecretValueCommand).rejects(error);
      return mintCursor(storedCursorSecrets(SECRET_ID, TIMEOUTS), 'alice', false, POSITION);
    };
    const throttled = new SecretsManagerServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    expect(await codeOf(failing(throttled))).toBe('SERVICE_UNAVAILABLE');
    expect(await codeOf(failing(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })))).toBe(
      'SERVICE_UNAVAILABLE',
    );
    const denied = new SecretsManagerServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    expect(await codeOf(failing(denied))).toBe('exception');
  });

  it('fails loudly for a secret too short to sign with', async () => {
    versions('short');
    expect(await codeOf(mintCursor(storedCursorSecrets(SECRET_ID, TIMEOUTS), 'alice', false, POSITION))).toBe(
      'exception',
    );
  });
});
