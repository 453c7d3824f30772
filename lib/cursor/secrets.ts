/**
 * The cursor keys of a deployed stage, read at run time from the stage's secret in Secrets
 * Manager (Powertools Parameters), never from the function's configuration.
 *
 * A new cursor is signed with the secret's current version (AWSCURRENT). A cursor is verified
 * with it, then with the version it replaced (AWSPREVIOUS), so a rotation (a new value put
 * into the secret) keeps the cursors minted just before it working until the next one. Both
 * are cached for `cacheSeconds`; when neither verifies a cursor, both are read afresh, at most
 * once per `refreshSeconds`, so an instance whose cache predates a rotation still takes the
 * cursors that an instance started after it minted.
 */
import { ParameterNotFoundError } from '@aws-lambda-powertools/parameters/errors';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { Config } from '../composition/config';
import { dependencyError } from '../dynamodb/failures';
import type { CursorSecrets } from './token';

export interface StoredSecretOptions {
  /** Seconds a read version is used before it is read again. */
  cacheSeconds: number;
  /** Seconds between two fresh reads for a cursor that no cached version verifies. */
  refreshSeconds: number;
  /** Milliseconds since the epoch, now. */
  now: () => number;
}

const DEFAULTS: StoredSecretOptions = { cacheSeconds: 300, refreshSeconds: 60, now: Date.now };

/** The cursor secrets in the environment (the local stack and the tests): one key, never rotated. */
function fixedCursorSecrets(secret: string): CursorSecrets {
  return {
    signing: async () => secret,
    async *verifying() {
      yield secret;
    },
  };
}

/**
 * The cursor secrets of the Secrets Manager secret `secretId`, asked with the region, timeouts
 * and tries the configuration gives DynamoDB: a slow Secrets Manager too is a 503 well before
 * the function's own timeout.
 */
export function storedCursorSecrets(
  secretId: string,
  client: Pick<Config, 'region' | 'dynamodb'>,
  options: Partial<StoredSecretOptions> = {},
): CursorSecrets {
  const { cacheSeconds, refreshSeconds, now } = { ...DEFAULTS, ...options };
  const current = new SecretsProvider({
    clientConfig: {
      region: client.region,
      maxAttempts: client.dynamodb.maxAttempts,
      requestHandler: {
        connectionTimeout: client.dynamodb.connectTimeoutMs,
        requestTimeout: client.dynamodb.requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
    },
  });
  // A provider caches by the secret's name alone, whatever version was asked: the previous
  // version gets a provider (and a cache) of its own, on the same client.
  const previous = new SecretsProvider({ awsSdkV3Client: current.client });
  let noPreviousUntil = 0;
  let lastFreshRead = Number.NEGATIVE_INFINITY;

  const read = async (forceFetch: boolean): Promise<string> => {
    const value = await current.get(secretId, { maxAge: cacheSeconds, forceFetch }).catch(failure);
    return keyOf(value, 'AWSCURRENT');
  };
  const readPrevious = async (forceFetch: boolean): Promise<string | undefined> => {
    if (!forceFetch && now() < noPreviousUntil) return undefined;
    try {
      const value = await previous.get(secretId, {
        maxAge: cacheSeconds,
        forceFetch,
        throwOnMissing: true,
        sdkOptions: { VersionStage: 'AWSPREVIOUS' },
      });
      return keyOf(value, 'AWSPREVIOUS');
    } catch (error) {
      // A secret never rotated has no previous version.
      if (!(error instanceof ParameterNotFoundError)) return failure(error);
      noPreviousUntil = now() + cacheSeconds * 1000;
      return undefined;
    }
  };

  return {
    signing: () => read(false),
    async *verifying() {
      const signingKey = await read(false);
      yield signingKey;
      const tried = [signingKey];
      const before = await readPrevious(false);
      if (before !== undefined && !tried.includes(before)) {
        tried.push(before);
        yield before;
      }
      if (now() - lastFreshRead < refreshSeconds * 1000) return;
      lastFreshRead = now();
      // The current version unchanged means no rotation since it was cached: nothing new to try.
      const fresh = await read(true);
      if (tried.includes(fresh)) return;
      tried.push(fresh);
      yield fresh;
      const freshBefore = await readPrevious(true);
      if (freshBefore !== undefined && !tried.includes(freshBefore)) yield freshBefore;
    },
  };
}

/** The cursor secrets the configuration names: the stage's secret, or the key it gives. */
export function createCursorSecrets(config: Pick<Config, 'cursorSecret' | 'cursorSecretId' | 'region' | 'dynamodb'>) {
  if (config.cursorSecretId !== undefined) return storedCursorSecrets(config.cursorSecretId, config);
  return fixedCursorSecrets(config.cursorSecret ?? '');
}

function keyOf(value: unknown, version: string): string {
  if (typeof value !== 'string' || value.length < 32) {
    throw new Error(`The cursor secret's ${version} version is not a text of at least 32 characters`);
  }
  return value;
}

/** Secrets Manager failed: a 503 when a retry may succeed, else the exception it is. */
function failure(error: unknown): never {
  throw dependencyError((error as { cause?: unknown }).cause ?? error);
}
