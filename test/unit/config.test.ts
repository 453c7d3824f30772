import { ConfigError, readConfig } from '../../lib/composition/config';

const valid = {
  TABLE_NAME: 'projects',
  CURSOR_SECRET: 'a-cursor-secret-of-32-characters',
} satisfies NodeJS.ProcessEnv;

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('readConfig accepted the environment');
};

describe('readConfig', () => {
  it('reads a complete environment with its defaults', () => {
    expect(readConfig(valid)).toEqual({
      tableName: 'projects',
      region: 'us-east-1',
      dynamodbEndpoint: undefined,
      dynamodb: { connectTimeoutMs: 1000, requestTimeoutMs: 2000, maxAttempts: 3 },
      cursorSecret: 'a-cursor-secret-of-32-characters',
    });
  });

  it('reads the region, the endpoint and the DynamoDB timeouts', () => {
    const config = readConfig({
      ...valid,
      AWS_REGION: 'eu-west-1',
      DYNAMODB_ENDPOINT: ' http://127.0.0.1:8000 ',
      DYNAMODB_CONNECT_TIMEOUT_MS: '10',
      DYNAMODB_REQUEST_TIMEOUT_MS: '60000',
      DYNAMODB_MAX_ATTEMPTS: '10',
    });
    expect(config.region).toBe('eu-west-1');
    expect(config.dynamodbEndpoint).toBe('http://127.0.0.1:8000');
    expect(config.dynamodb).toEqual({ connectTimeoutMs: 10, requestTimeoutMs: 60_000, maxAttempts: 10 });
    expect(readConfig({ ...valid, AWS_DEFAULT_REGION: 'ap-northeast-2' }).region).toBe('ap-northeast-2');
    expect(readConfig({ ...valid, DYNAMODB_ENDPOINT: '  ' }).dynamodbEndpoint).toBeUndefined();
  });

  it('has no identity settings: the owner is what the JWT authorizer passes in the event', () => {
    const config = readConfig({ ...valid, AUTH_MODE: 'local', JWT_ISSUER: 'issuer', JWT_PUBLIC_JWK: '{}' });
    expect(config).toEqual(readConfig(valid));
  });

  it('reads where a deployed stage keeps the cursor key, instead of the key itself', () => {
    const secretId = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cursor-AbCdEf';
    const config = readConfig({ TABLE_NAME: 'projects', CURSOR_SECRET_ID: ` ${secretId} ` });
    expect([config.cursorSecretId, config.cursorSecret]).toEqual([secretId, undefined]);
    expect(readConfig({ ...valid, CURSOR_SECRET_ID: ' ' }).cursorSecretId).toBeUndefined();
  });

  it.each([
    [
      'both the cursor key and its Secrets Manager id',
      { ...valid, CURSOR_SECRET_ID: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cursor' },
      /CURSOR_SECRET and CURSOR_SECRET_ID/,
    ],
    ['TABLE_NAME missing', { ...valid, TABLE_NAME: undefined }, /TABLE_NAME/],
    ['TABLE_NAME blank', { ...valid, TABLE_NAME: '  ' }, /TABLE_NAME/],
    ['CURSOR_SECRET missing', { ...valid, CURSOR_SECRET: undefined }, /CURSOR_SECRET/],
    ['CURSOR_SECRET of 31 characters', { ...valid, CURSOR_SECRET: 'x'.repeat(31) }, /at least 32/],
    ['a timeout below 10 ms', { ...valid, DYNAMODB_CONNECT_TIMEOUT_MS: '9' }, /CONNECT_TIMEOUT/],
    ['a timeout above 60 s', { ...valid, DYNAMODB_REQUEST_TIMEOUT_MS: '60001' }, /REQUEST_TIMEOUT/],
    ['a fractional timeout', { ...valid, DYNAMODB_REQUEST_TIMEOUT_MS: '1.5' }, /whole number/],
    ['no attempts', { ...valid, DYNAMODB_MAX_ATTEMPTS: '0' }, /MAX_ATTEMPTS/],
    ['eleven attempts', { ...valid, DYNAMODB_MAX_ATTEMPTS: '11' }, /MAX_ATTEMPTS/],
    ['attempts that are not a number', { ...valid, DYNAMODB_MAX_ATTEMPTS: 'many' }, /"many"/],
  ])('fails loudly for %s', (_name, env, message) => {
    expect(refusal(env)).toMatch(message);
  });
});

describe('configuration at cold start', () => {
  it('stops a function from loading at all when a required setting is missing', () => {
    const saved = process.env.TABLE_NAME;
    delete process.env.TABLE_NAME;
    try {
      jest.isolateModules(() => {
        expect(() => require('../../functions/get-project')).toThrow(/TABLE_NAME/);
      });
    } finally {
      process.env.TABLE_NAME = saved;
    }
  });

  it('stops a function from loading with a cursor secret too short to sign with', () => {
    const saved = process.env.CURSOR_SECRET;
    process.env.CURSOR_SECRET = 'short';
    try {
      jest.isolateModules(() => {
        expect(() => require('../../functions/list-projects')).toThrow(/CURSOR_SECRET/);
      });
    } finally {
      process.env.CURSOR_SECRET = saved;
    }
  });
});
