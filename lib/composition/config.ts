/**
 * Configuration, read once at module scope (once per cold start). A missing or invalid
 * setting throws here, so a misconfigured function fails loudly at init instead of
 * answering requests wrongly.
 */

import { withReadableStack } from '../telemetry/readable-stack';

export interface DynamoDbTimeouts {
  /** Time to open a connection before the SDK gives up on it. */
  connectTimeoutMs: number;
  /** Time to wait for an answer to one request. */
  requestTimeoutMs: number;
  /** Tries of one request, the SDK's own retries of throttling and network errors included. */
  maxAttempts: number;
}

export interface Config {
  tableName: string;
  region: string;
  /** Set for DynamoDB Local; unset in AWS. */
  dynamodbEndpoint: string | undefined;
  dynamodb: DynamoDbTimeouts;
  /**
   * Key of the HMAC that makes list cursors tamper-evident and binds them to their owner, as
   * the local stack and the tests give it. A deployed stage gives `cursorSecretId` instead.
   */
  cursorSecret: string | undefined;
  /** The Secrets Manager id of that key: a deployed stage's functions read it at run time. */
  cursorSecretId: string | undefined;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`Missing required environment variable ${name}`);
  }
  return value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** The cursor key's value (CURSOR_SECRET) or where to read it (CURSOR_SECRET_ID), one of the two. */
function cursorSecret(env: NodeJS.ProcessEnv): Pick<Config, 'cursorSecret' | 'cursorSecretId'> {
  const secretId = env.CURSOR_SECRET_ID?.trim() || undefined;
  if (secretId === undefined) {
    const secret = required(env, 'CURSOR_SECRET');
    if (secret.length < 32) throw new ConfigError('CURSOR_SECRET must be at least 32 characters');
    return { cursorSecret: secret, cursorSecretId: undefined };
  }
  if (env.CURSOR_SECRET !== undefined) {
    throw new ConfigError('CURSOR_SECRET and CURSOR_SECRET_ID are both set: give the key, or its Secrets Manager id');
  }
  return { cursorSecret: undefined, cursorSecretId: secretId };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const endpoint = env.DYNAMODB_ENDPOINT?.trim();
  return {
    tableName: required(env, 'TABLE_NAME'),
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    dynamodbEndpoint: endpoint === '' ? undefined : endpoint,
    dynamodb: {
      connectTimeoutMs: integer(env, 'DYNAMODB_CONNECT_TIMEOUT_MS', 1000, 10, 60_000),
      requestTimeoutMs: integer(env, 'DYNAMODB_REQUEST_TIMEOUT_MS', 2000, 10, 60_000),
      maxAttempts: integer(env, 'DYNAMODB_MAX_ATTEMPTS', 3, 1, 10),
    },
    ...cursorSecret(env),
  };
}

/** Read once per cold start: a bad setting fails it, with a stack that names the .ts file and line. */
export const config: Config = (() => {
  try {
    return readConfig();
  } catch (error) {
    throw withReadableStack(error);
  }
})();
