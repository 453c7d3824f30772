/**
 * Every validation path of every route, in both languages and both formats: a Korean answer
 * holds no English sentence, an English one never says only "Invalid input", every text says
 * what is wrong in both, and each field and reason is named once. A batch item is
 * `projects.<index>` in both modes.
 */
import { handler as listHandler } from '../../functions/list-projects';
import { createBatch, createProject, patchProject } from '../support/invocations';
import { invoke, type Reply } from '../support/lambda';
import { useTable } from '../support/table';

useTable();

const OWNER = 'texts-owner';
const HANGUL = /[\uAC00-\uD7A3]/;
const long = (n: number) => 'x'.repeat(n);

type Call = (headers: Record<string, string>) => Promise<Reply>;

/** Each request that fails validation, by a name that says why. */
const paths: [string, Call][] = [
  ['a create without a title', (h) => createProject(OWNER, {}, h)],
  ['a create with a number for a title', (h) => createProject(OWNER, { title: 5 }, h)],
  ['a create with an empty title', (h) => createProject(OWNER, { title: '  ' }, h)],
  ['a create with a title too long', (h) => createProject(OWNER, { title: long(101) }, h)],
  ['a create with a control character', (h) => createProject(OWNER, { title: 'a\u0001b' }, h)],
  ['a create with a bidi override', (h) => createProject(OWNER, { title: 'a\u202eb' }, h)],
  ['a create with an invisible title', (h) => createProject(OWNER, { title: '\u200b' }, h)],
  ['a create with a number for a description', (h) => createProject(OWNER, { title: 'a', description: 5 }, h)],
  ['a create with a description too long', (h) => createProject(OWNER, { title: 'a', description: long(1001) }, h)],
  ['a create with an unknown field', (h) => createProject(OWNER, { title: 'a', color: 'red' }, h)],
  ['a create whose body is an array', (h) => createProject(OWNER, [], h)],
  ['a create whose body is null', (h) => createProject(OWNER, null, h)],
  ['a create with a bad Idempotency-Key', (h) => createProject(OWNER, { title: 'a' }, { ...h, 'idempotency-key': '' })],
  ['a change with nothing to change', (h) => patchProject(OWNER, '01KBSAMPLE0000000000000000', {}, h)],
  ['a change with version 0', (h) => patchProject(OWNER, '01KBSAMPLE0000000000000000', { title: 'a', version: 0 }, h)],
  [
    'a change with a version past the safe integers',
    (h) => patchProject(OWNER, '01KBSAMPLE0000000000000000', { title: 'a', version: 2 ** 53 }, h),
  ],
  [
    'a change with a text version',
    (h) => patchProject(OWNER, '01KBSAMPLE0000000000000000', { title: 'a', version: '1' }, h),
  ],
  ['a batch without projects', (h) => createBatch(OWNER, {}, h)],
  ['a batch whose projects are no list', (h) => createBatch(OWNER, { projects: 5 }, h)],
  ['an empty batch', (h) => createBatch(OWNER, { projects: [] }, h)],
  [
    'a batch of 26',
    (h) => createBatch(OWNER, { projects: Array.from({ length: 26 }, (_, i) => ({ title: `${i}` })) }, h),
  ],
  ['a batch with a text atomic', (h) => createBatch(OWNER, { projects: [{ title: 'a' }], atomic: 'yes' }, h)],
  ['an atomic batch with bad items', (h) => createBatch(OWNER, { projects: [{ title: 'ok' }, 5, { title: '' }] }, h)],
  [
    'a best-effort batch with bad items',
    (h) => createBatch(OWNER, { projects: [{ title: 'texts ok' }, 5, { title: '', x: 1 }], atomic: false }, h),
  ],
  ['a list with limit 0', (h) => listWith(h, { limit: '0' })],
  ['a list with limit 101', (h) => listWith(h, { limit: '101' })],
  ['a list with a limit that is no number', (h) => listWith(h, { limit: 'ten' })],
  ['a list with deleted=maybe', (h) => listWith(h, { deleted: 'maybe' })],
  ['a list with an empty cursor', (h) => listWith(h, { cursor: '' })],
  ['a list with a cursor too long', (h) => listWith(h, { cursor: long(1025) })],
  ['a list with a forged cursor', (h) => listWith(h, { cursor: 'abc.def' })],
];

/** GET /projects with headers (the route helper sends none with a list). */
const listWith = (headers: Record<string, string>, query: Record<string, string>) =>
  invoke(listHandler, { owner: OWNER, method: 'GET', path: '/projects', query, headers });

/** Every text of an answer, by where it stands, and the (field, message) pairs of its entries. */
function textsOf(json: Record<string, unknown>) {
  const texts: string[] = [];
  const entries: string[][] = [];
  const walk = (errors: unknown, prefix: string) => {
    for (const entry of (errors as { field?: string; index?: number; message: string; errors?: unknown }[]) ?? []) {
      texts.push(entry.message);
      entries.push([prefix, entry.field ?? `#${entry.index}`, entry.message]);
      if (entry.errors) walk(entry.errors, `${prefix}${entry.index}.`);
    }
  };
  if (typeof json.message === 'string') texts.push(json.message);
  if (typeof json.detail === 'string') texts.push(json.detail);
  walk(json.errors, '');
  const data = json.data as { failures?: unknown } | undefined;
  if (data?.failures) walk(data.failures, 'failures.');
  return { texts, entries };
}

describe('every text of every validation answer', () => {
  const combinations = [
    ['en', 'application/json'],
    ['ko', 'application/json'],
    ['en', 'application/problem+json'],
    ['ko', 'application/problem+json'],
  ] as const;

  it.each(paths)('says what is wrong in the language asked for, once per field and reason: %s', async (_name, call) => {
    for (const [language, accept] of combinations) {
      const reply = await call({ 'accept-language': language, accept });
      expect({ language, status: reply.status }).toEqual({ language, status: expect.any(Number) });
      expect(reply.status === 400 || reply.status === 200).toBe(true);
      const { texts, entries } = textsOf(reply.json);
      expect(texts.length).toBeGreaterThan(1);
      for (const text of texts) {
        if (language === 'ko')
          expect({ language, text, korean: HANGUL.test(text) }).toEqual({ language, text, korean: true });
        else {
          expect({ language, text, korean: HANGUL.test(text) }).toEqual({ language, text, korean: false });
          expect(text).not.toMatch(/^(\[[^\]]+\] )?Invalid input\.?$/);
        }
      }
      const keys = entries.map((entry) => entry.join('\u0000'));
      expect(keys).toEqual([...new Set(keys)]);
    }
  });

  it('names a batch item projects.<index> in both modes', async () => {
    const atomic = await createBatch(OWNER, { projects: [{ title: 'one' }, 5, { title: '' }] });
    expect(atomic.json.errors.map((e: { field: string }) => e.field)).toEqual(['projects.1', 'projects.2.title']);
    const bestEffort = await createBatch(OWNER, { projects: [{ title: 'two' }, 5, { title: '' }], atomic: false });
    expect(bestEffort.status).toBe(200);
    const fields = bestEffort.json.data.failures.map((f: { errors: { field: string }[] }) =>
      f.errors.map((e) => e.field),
    );
    expect(fields).toEqual([['projects.1'], ['projects.2.title']]);
  });
});
