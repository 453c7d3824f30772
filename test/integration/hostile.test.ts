/**
 * A corpus of hostile requests: each is answered with a 4xx in the envelope (one the OpenAPI
 * document describes, with the security headers), writes nothing, and never yields a 5xx.
 * Other owners' projects are out of reach on every route.
 */

import { handler as createHandler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as updateHandler } from '../../functions/update-project';
import { findViolations } from '../../lib/dynamodb/consistency';
import { SECURITY_HEADERS } from '../../lib/http/middlewares/security-headers';
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  patchProject,
  restoreProject,
} from '../support/invocations';
import { invoke, type Reply, type RequestOptions } from '../support/lambda';
import { expectDocumented } from '../support/openapi';
import { useTable } from '../support/table';

const table = useTable();

type Handler = typeof createHandler;
const VICTIM = 'victim';
let victimId = '';
let deletedVictimId = '';

interface Case {
  name: string;
  handler: Handler;
  method: string;
  route: string;
  options: RequestOptions;
}

const send = ({ handler, method, route, options }: Case, owner: string): Promise<Reply> =>
  invoke(handler, { method, path: route, owner, ...options });

const big = (n: number) => 'x'.repeat(n);
const create = (name: string, options: Case['options']): Case => ({
  name: `POST /projects: ${name}`,
  handler: createHandler,
  method: 'POST',
  route: '/projects',
  options,
});
const withId =
  (handler: Handler, method: string, suffix = '') =>
  (name: string, id: string, options: Case['options'] = {}): Case => ({
    name: `${method} /projects/{id}${suffix}: ${name}`,
    handler,
    method,
    route: `/projects/{id}${suffix}`,
    options: { pathParameters: { id }, ...options },
  });
const get = withId(getHandler, 'GET');
const patch = withId(updateHandler, 'PATCH');

const corpus: Case[] = [
  create('a title of the wrong type (object)', { body: { title: { $gt: '' } } }),
  create('a title of the wrong type (array)', { body: { title: ['a'] } }),
  create('a title of the wrong type (boolean)', { body: { title: true } }),
  create('a title that overflows to Infinity', { rawBody: '{"title":1e400}' }),
  create('a huge title', { body: { title: big(10_000) } }),
  create('a huge description', { body: { title: 'x', description: big(200_000) } }),
  create('a body over 256 KiB', { body: { title: 'x', description: big(300_000) } }),
  create('a body nested a thousand levels deep', {
    rawBody: `{"title":"x","description":${'['.repeat(1000)}${']'.repeat(1000)}}`,
  }),
  create('an array of 100,000 numbers', { rawBody: `[${Array(100_000).fill(1).join(',')}]` }),
  create('a duplicate key (the last would win)', { rawBody: '{"title":"harmless","title":"other"}' }),
  create('a duplicate key spelled with an escape', { rawBody: '{"title":"a","\\u0074itle":"b"}' }),
  create('a __proto__ key', { rawBody: '{"title":"x","__proto__":{"isAdmin":true}}' }),
  create('a constructor key', { rawBody: '{"title":"x","constructor":{"prototype":{"isAdmin":true}}}' }),
  create('an owner in the body', { body: { title: 'x', owner: VICTIM } }),
  create('an id in the body', { body: { title: 'x', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } }),
  create('a NUL character in the title', { body: { title: 'a\u0000b' } }),
  create('an escape character in the title', { body: { title: '\u001b[31mred' } }),
  create('a lone surrogate in the title', { rawBody: '{"title":"\\ud800"}' }),
  create('invalid UTF-8 (overlong encoding)', {
    rawBody: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]).toString(
      'base64',
    ),
    base64: true,
  }),
  create('invalid UTF-8 (truncated sequence)', {
    rawBody: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]).toString(
      'base64',
    ),
    base64: true,
  }),
  create('UTF-16 text', { rawBody: Buffer.from('{"title":"x"}', 'utf16le').toString('base64'), base64: true }),
  create('invalid base64 claiming to be JSON', { rawBody: '!!!not base64!!!', base64: true }),
  create('JavaScript instead of JSON', { rawBody: "{title: 'x'}" }),
  create('a trailing garbage after the JSON', { rawBody: '{"title":"x"} {"title":"y"}' }),
  create('two content types', {
    rawBody: '{"title":"x"}',
    headers: { 'content-type': 'application/json, text/html' },
  }),
  create('a second, foreign charset', {
    rawBody: '{"title":"x"}',
    headers: { 'content-type': 'application/json; charset=utf-8; charset=latin1' },
  }),
  create('a content type of 10 KB', {
    rawBody: '{"title":"x"}',
    headers: { 'content-type': `application/json;${big(10_000)}` },
  }),
  create('XML', { rawBody: '<title>x</title>', headers: { 'content-type': 'application/xml' } }),
  create('an Idempotency-Key of 1,000 characters', {
    body: { title: 'x' },
    headers: { 'idempotency-key': big(1000) },
  }),
  create('an Idempotency-Key with a line break', { body: { title: 'x' }, headers: { 'idempotency-key': 'a\r\nb' } }),
  create('no identity', { body: { title: 'x' }, owner: null }),
  create('an identity of 10 KB', { body: { title: 'x' }, owner: big(10_000) }),
  get('an id of 10 KB', big(10_000)),
  get('a NUL in the id', 'abc\u0000'),
  get('an encoded traversal', '..%2F..%2Fetc'),
  get('a key of another item', 'TITLE#abc'),
  get('emoji', '😀😀😀'),
  get('right-to-left override', '\u202e01ARZ3NDEKTSV4RRFFQ69G5FAV'),
  get('percent garbage', '%ZZ%00%FF'),
  patch('a version as a string', '01ARZ3NDEKTSV4RRFFQ69G5FAV', { body: { description: 'x', version: '1' } }),
  patch('a negative version', '01ARZ3NDEKTSV4RRFFQ69G5FAV', { body: { description: 'x', version: -1 } }),
  patch('a version past 2^53', '01ARZ3NDEKTSV4RRFFQ69G5FAV', { body: { description: 'x', version: 1e20 } }),
  patch('a null title', '01ARZ3NDEKTSV4RRFFQ69G5FAV', { body: { title: null } }),
  patch('deletedAt in the body', '01ARZ3NDEKTSV4RRFFQ69G5FAV', { body: { deletedAt: null } }),
  ...[
    ['a limit with spaces', { limit: ' 5' }],
    ['a replacement character', { limit: '\ufffd' }],
    ['a huge limit', { limit: '99999999999999999999' }],
    ['a cursor of 100 KB', { cursor: big(100_000) }],
    ['a cursor of unicode', { cursor: 'ünïcødé.😀' }],
    ['deleted in capitals', { deleted: 'TRUE' }],
  ].map(
    ([name, query]): Case => ({
      name: `GET /projects: ${name}`,
      handler: listHandler,
      method: 'GET',
      route: '/projects',
      options: { query: query as Record<string, string> },
    }),
  ),
  {
    name: 'POST /projects/batch: 25 descriptions that are each too long',
    handler: batchHandler,
    method: 'POST',
    route: '/projects/batch',
    options: { body: { projects: Array.from({ length: 25 }, (_, i) => ({ title: `t${i}`, description: big(9000) })) } },
  },
  {
    name: 'POST /projects/batch: null items',
    handler: batchHandler,
    method: 'POST',
    route: '/projects/batch',
    options: { body: { projects: [null, null] } },
  },
  {
    name: 'POST /projects/batch: a million items claimed',
    handler: batchHandler,
    method: 'POST',
    route: '/projects/batch',
    options: { rawBody: `{"projects":[${Array(30).fill('{"title":"t"}').join(',')}]}` },
  },
];

beforeAll(async () => {
  victimId = (await createProject(VICTIM, { title: 'Victim' })).json.data.id;
  deletedVictimId = (await createProject(VICTIM, { title: 'Victim trash' })).json.data.id;
  await deleteProject(VICTIM, deletedVictimId);
});

afterEach(async () => {
  expect(findViolations(await table.scan())).toEqual([]);
});

describe('hostile input', () => {
  let counter = 0;

  it.each(corpus.map((c) => [c.name, c] as const))('%s → 4xx in the envelope, nothing written', async (_name, c) => {
    counter += 1;
    const owner = c.options.owner === undefined ? `attacker-${counter}` : c.options.owner;
    const before = await table.scan();
    const reply = await send(c, owner ?? 'nobody');
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.json).toMatchObject({ status: 'Failed', code: expect.any(String), requestId: expect.any(String) });
    expect(reply.rawHeaders).toMatchObject(SECURITY_HEADERS);
    expectDocumented(c.method, c.route, reply);
    expect(await table.scan()).toEqual(before);
  });
});

describe('cross-owner access', () => {
  const attacker = 'attacker';
  const cases = () =>
    [
      ['GET', () => getProject(attacker, victimId)],
      ['PATCH', () => patchProject(attacker, victimId, { title: 'Owned' })],
      ['DELETE', () => deleteProject(attacker, victimId)],
      ['restore', () => restoreProject(attacker, deletedVictimId)],
      ['restore of a live one', () => restoreProject(attacker, victimId)],
    ] as const;

  it('answers 404 PROJECT_NOT_FOUND on every route, and changes nothing', async () => {
    const before = await table.scan();
    for (const [name, send] of cases()) {
      const reply = await send();
      expect([name, reply.status]).toEqual([name, 404]);
      expect(reply.json.code).toBe('PROJECT_NOT_FOUND');
    }
    expect(await table.scan()).toEqual(before);
  });

  it('never lists another owner’s projects, live or deleted', async () => {
    for (const deleted of ['false', 'true']) {
      const reply = await listProjects(attacker, { deleted });
      expect(reply.json.data.items).toEqual([]);
    }
  });
});
