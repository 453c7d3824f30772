import { isTransientDependencyError } from '../../../lib/dynamodb/failures';
import { escapeKeyPart, keys, listingKeys } from '../../../lib/dynamodb/keys';

describe('keys', () => {
  it('escapes % and # in owner ids, so that no owner reaches another’s items', () => {
    expect(escapeKeyPart('a#b%c')).toBe('a%23b%25c');
    expect(escapeKeyPart('%23')).toBe('%2523');
    expect(keys.owner('a#TITLE#x')).toBe('OWNER#a%23TITLE%23x');
    expect(keys.owner('a')).not.toBe(keys.owner('a#'));
  });

  it('lays out each kind of item', () => {
    expect(keys.project('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('PROJECT#01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(keys.titleLock('plan')).toMatch(/^TITLE#[A-Za-z0-9_-]{43}$/);
    expect(keys.idempotency('abc')).toBe('IDEMPOTENCY#abc');
    expect(keys.listing('o#1', 'LIVE')).toBe('OWNER#o%231#LIVE');
    expect(keys.listing('o', 'DELETED')).toBe('OWNER#o#DELETED');
  });

  it('sorts live projects by id and deleted ones by deletion time', () => {
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    expect(listingKeys('o', { id, deletedAt: null })).toEqual({ gsi1pk: 'OWNER#o#LIVE', gsi1sk: `PROJECT#${id}` });
    // Items written before deletedAt was stored have none: they are live.
    const legacy = { id } as { id: string; deletedAt: null };
    expect(listingKeys('o', legacy)).toEqual({ gsi1pk: 'OWNER#o#LIVE', gsi1sk: `PROJECT#${id}` });
    expect(listingKeys('o', { id, deletedAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      gsi1pk: 'OWNER#o#DELETED',
      gsi1sk: `DELETED#2026-01-01T00:00:00.000Z#${id}`,
    });
  });
});

describe('isTransientDependencyError', () => {
  const sdk = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), {
      name,
      $metadata: status === undefined ? {} : { httpStatusCode: status },
      ...extra,
    });

  it.each([
    'ThrottlingException',
    'ProvisionedThroughputExceededException',
    'RequestLimitExceeded',
    'InternalServerError',
    'ServiceUnavailable',
    'TransactionInProgressException',
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
  ])('counts %s as worth a retry', (name) => {
    expect(isTransientDependencyError(sdk(name, 400))).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED'])(
    'counts the network error %s as worth a retry',
    (code) => {
      expect(isTransientDependencyError(Object.assign(new Error(code), { code }))).toBe(true);
    },
  );

  it('counts a 5xx, a retryable mark and a request the SDK tried without an answer', () => {
    expect(isTransientDependencyError(sdk('Whatever', 500))).toBe(true);
    expect(isTransientDependencyError(sdk('Whatever', 599))).toBe(true);
    expect(isTransientDependencyError(sdk('Whatever', 400, { $retryable: {} }))).toBe(true);
    expect(isTransientDependencyError({ name: 'Error', $metadata: { attempts: 3 } })).toBe(true);
  });

  it('leaves DynamoDB’s own 4xx, plain errors and non-errors to be bugs', () => {
    expect(isTransientDependencyError(sdk('ValidationException', 400))).toBe(false);
    expect(isTransientDependencyError(sdk('ResourceNotFoundException', 499))).toBe(false);
    expect(isTransientDependencyError(new TypeError('x'))).toBe(false);
    expect(isTransientDependencyError({ name: 'Error', $metadata: {} })).toBe(false);
    expect(isTransientDependencyError(null)).toBe(false);
    expect(isTransientDependencyError(undefined)).toBe(false);
    expect(isTransientDependencyError(503)).toBe(false);
    expect(isTransientDependencyError('ECONNRESET')).toBe(false);
    expect(isTransientDependencyError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
  });
});
