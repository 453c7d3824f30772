import { createHash } from 'node:crypto';
import type { Rejection } from '../../../lib/errors/rejections';
import { canonicalJson, idempotencyOf } from '../../../lib/idempotency/key';
import { RECORD_TTL_SECONDS } from '../../../lib/idempotency/record';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes scalars and empty containers as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('é"')).toBe('"é\\""');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson(1.5)).toBe('1.5');
  });

  it('writes undefined in an array as null, as JSON does', () => {
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('sorts many keys, whatever order they come in', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const reversed = Object.fromEntries([...keys].reverse().map((key) => [key, 0]));
    expect(canonicalJson(reversed)).toBe(`{${keys.map((key) => `"${key}":0`).join(',')}}`);
  });

  it('orders keys by code unit, not by locale', () => {
    expect(canonicalJson({ b: 0, B: 0, a: 0, é: 0 })).toBe('{"B":0,"a":0,"b":0,"é":0}');
  });
});

describe('idempotencyOf', () => {
  const refusal = (key: string) => {
    try {
      idempotencyOf(key, 'createProject', {});
    } catch (error) {
      return error as Rejection;
    }
    throw new Error('accepted');
  };

  it('is undefined without a key', () => {
    expect(idempotencyOf(undefined, 'createProject', { title: 'x' })).toBeUndefined();
  });

  it('digests the key, and fingerprints the route with the canonical body', () => {
    const a = idempotencyOf('key-1', 'createProject', { title: 'x', description: '' });
    const b = idempotencyOf('key-1', 'createProject', { description: '', title: 'x' });
    const otherRoute = idempotencyOf('key-1', 'createProjectsBatch', { title: 'x', description: '' });
    const otherBody = idempotencyOf('key-1', 'createProject', { title: 'y', description: '' });
    expect(a).toEqual(b);
    expect(a?.key).toBe('key-1');
    expect(a?.digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a?.digest).not.toBe(idempotencyOf('key-2', 'createProject', {})?.digest);
    expect(a?.fingerprint).not.toBe(otherRoute?.fingerprint);
    expect(a?.fingerprint).not.toBe(otherBody?.fingerprint);
  });

  it('accepts 1 to 255 printable ASCII characters, space and tilde included', () => {
    for (const key of [' ', '~', 'a'.repeat(255), '!"#$%&\'()*+,-./0-9:;<=>?@[\\]^_`{|}']) {
      expect(idempotencyOf(key, 'createProject', {})?.key).toBe(key);
    }
  });

  it.each([[''], ['a'.repeat(256)], ['\u007f'], ['\u001f'], ['é'], ['key\n']])(
    'refuses %j with 400 naming Idempotency-Key in both languages',
    (key) => {
      const error = refusal(key);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details).toEqual([
        {
          field: 'Idempotency-Key',
          message: {
            en: 'Must be 1 to 255 printable ASCII characters.',
            ko: '출력 가능한 ASCII 문자 1~255자여야 합니다.',
          },
        },
      ]);
    },
  );

  it('fingerprints as records stored before were: the route the operation had, a newline, the canonical body', () => {
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');
    const body = { title: 'Ünïcode', description: '' };
    expect(idempotencyOf('k', 'createProject', body)).toEqual({
      key: 'k',
      digest: sha256('k'),
      fingerprint: sha256('POST /projects\n{"description":"","title":"Ünïcode"}'),
    });
    expect(idempotencyOf('k', 'createProjectsBatch', body)?.fingerprint).toBe(
      sha256('POST /projects/batch\n{"description":"","title":"Ünïcode"}'),
    );
  });

  it('remembers keys for 24 hours', () => {
    expect(RECORD_TTL_SECONDS).toBe(86_400);
  });
});
