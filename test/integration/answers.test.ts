/**
 * Every answer of every route, pinned whole: status, every header and the body, for a
 * fixed walk of requests (successes, each kind of rejection, both failure formats, both
 * languages). Ids, times and request ids are replaced by placeholders; everything else
 * must stay byte for byte what it is, whatever the code behind it becomes.
 */
import { handler as createHandler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as deleteHandler } from '../../functions/delete-project';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as restoreHandler } from '../../functions/restore-project';
import { handler as notFoundHandler } from '../../functions/route-not-found';
import { handler as updateHandler } from '../../functions/update-project';
import { apiEvent, lambdaContext, type RequestOptions } from '../support/lambda';
import { useTable } from '../support/table';

useTable();

type Handler = (
  event: ReturnType<typeof apiEvent>,
  context: ReturnType<typeof lambdaContext>,
) => Promise<{ statusCode?: number; headers?: Record<string, unknown>; body?: string }>;

const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const CURSOR = /"nextCursor":"[^"]+"/g;

/** Replaces what differs from run to run by stable placeholders (ids numbered by first sight). */
function normalizer() {
  const ids = new Map<string, string>();
  return (text: string) =>
    text
      .replace(ULID, (id) => {
        if (!ids.has(id)) ids.set(id, `<id${ids.size + 1}>`);
        return ids.get(id) as string;
      })
      .replace(TIME, '<time>')
      .replace(UUID, '<request-id>')
      .replace(CURSOR, '"nextCursor":"<cursor>"');
}

describe('the answers of every route', () => {
  it('stay exactly what they are for a fixed walk of requests', async () => {
    const normalize = normalizer();
    const owner = `answers-${Date.now().toString(36)}`;
    const answers: string[] = [];
    const send = async (label: string, handler: Handler, options: RequestOptions, query?: Record<string, string>) => {
      const result = await handler(apiEvent({ owner, ...options, ...(query ? { query } : {}) }), lambdaContext());
      const headers = Object.entries(result.headers ?? {})
        .map(([name, value]) => `${name}: ${String(value)}`)
        .sort();
      answers.push(normalize([`${label} → ${result.statusCode}`, ...headers, result.body ?? ''].join('\n')));
      return result.body ? JSON.parse(result.body) : undefined;
    };
    const ko = { 'accept-language': 'ko' };
    const problem = { accept: 'application/problem+json' };

    const created = await send('create', createHandler, { body: { title: 'Golden', description: 'd' } });
    const id = created.data.id as string;
    const byId = (method: string, extra: RequestOptions = {}) => ({
      method,
      path: `/projects/${id}`,
      pathParameters: { id },
      ...extra,
    });
    await send('create taken', createHandler, { body: { title: ' GOLDEN ' } });
    await send('create taken ko', createHandler, { body: { title: 'golden' }, headers: ko });
    await send('create taken problem', createHandler, { body: { title: 'golden' }, headers: problem });
    await send('create invalid', createHandler, { body: { title: '', color: 'red' } });
    await send('create invalid ko', createHandler, { body: { title: 7 }, headers: ko });
    await send('create malformed', createHandler, { rawBody: '{"title":' });
    await send('create duplicate key', createHandler, { rawBody: '{"title":"a","title":"b"}' });
    await send('create text', createHandler, { rawBody: 'x', headers: { 'content-type': 'text/plain' } });
    await send('create too large', createHandler, { body: { title: 'x', description: 'd'.repeat(300_000) } });
    await send('create no token', createHandler, { body: { title: 'x' }, owner: null });
    await send('create no token problem ko', createHandler, {
      body: { title: 'x' },
      owner: null,
      headers: { ...problem, ...ko },
    });
    const keyed = { 'idempotency-key': `golden-${owner}` };
    await send('create keyed', createHandler, { body: { title: 'Keyed' }, headers: keyed });
    await send('create keyed replay', createHandler, { body: { title: 'Keyed' }, headers: keyed });
    await send('create keyed reuse', createHandler, { body: { title: 'Other' }, headers: keyed });
    await send('create bad key', createHandler, { body: { title: 'x' }, headers: { 'idempotency-key': '' } });

    await send('get', getHandler, byId('GET'));
    await send('get missing', getHandler, { method: 'GET', pathParameters: { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } });
    await send('get bad id', getHandler, { method: 'GET', pathParameters: { id: 'nope' } });
    await send('list', listHandler, { method: 'GET', path: '/projects' }, { limit: '1' });
    await send('list bad limit', listHandler, { method: 'GET', path: '/projects' }, { limit: '0' });
    await send('list bad cursor', listHandler, { method: 'GET', path: '/projects' }, { cursor: 'abc.def' });

    await send('patch', updateHandler, byId('PATCH', { body: { title: 'Golden 2' } }));
    await send('patch stale version', updateHandler, byId('PATCH', { body: { description: 'x', version: 1 } }));
    await send(
      'patch stale if-match',
      updateHandler,
      byId('PATCH', { body: { description: 'x' }, headers: { 'if-match': '"1"' } }),
    );
    await send('patch empty', updateHandler, byId('PATCH', { body: {} }));
    await send('patch taken', updateHandler, byId('PATCH', { body: { title: 'keyed' } }));
    await send('restore live', restoreHandler, byId('POST'));
    await send('delete stale', deleteHandler, byId('DELETE', { headers: { 'if-match': 'W/"2"' } }));
    await send('delete', deleteHandler, byId('DELETE'));
    await send('delete again', deleteHandler, byId('DELETE'));
    await send('list trash', listHandler, { method: 'GET', path: '/projects' }, { deleted: 'true' });
    await send('restore', restoreHandler, byId('POST'));

    const batch = { path: '/projects/batch' };
    await send('batch', batchHandler, { ...batch, body: { projects: [{ title: 'B1' }, { title: 'B2' }] } });
    await send('batch taken', batchHandler, {
      ...batch,
      body: { projects: [{ title: 'b1' }, { title: 'B3' }, { title: 'b3 ' }] },
    });
    await send('batch invalid', batchHandler, { ...batch, body: { projects: [{ title: '' }] }, headers: ko });
    await send('batch loose', batchHandler, {
      ...batch,
      body: { atomic: false, projects: [{ title: 'B4' }, { title: 'b4' }, { title: '' }, { title: 'B1' }] },
    });
    await send('batch empty', batchHandler, { ...batch, body: { projects: [] } });
    await send('no route', notFoundHandler, { method: 'GET', path: '/nowhere', owner: null });
    await send('no route ko problem', notFoundHandler, {
      method: 'GET',
      path: '/x',
      owner: null,
      headers: { ...ko, ...problem },
    });
    const looseKeyed = {
      ...batch,
      body: { atomic: false, projects: [{ title: 'B5' }, { title: 'b1' }, { title: '' }] },
      headers: { ...ko, 'idempotency-key': `golden-loose-${owner}` },
    };
    await send('batch loose keyed ko', batchHandler, looseKeyed);
    await send('batch loose keyed replay', batchHandler, looseKeyed);
    const takenKeyed = {
      ...batch,
      body: { projects: [{ title: 'B6' }, { title: 'B2' }, { title: 'b6' }] },
      headers: { 'idempotency-key': `golden-taken-${owner}` },
    };
    await send('batch taken keyed', batchHandler, takenKeyed);
    await send('batch taken keyed replay ko', batchHandler, {
      ...takenKeyed,
      headers: { ...takenKeyed.headers, ...ko },
    });

    expect(answers.join('\n\n')).toMatchSnapshot();
  });
});
