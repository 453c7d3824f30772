/** What the benchmarks that call the functions against DynamoDB Local share: the events, and the table. */
import { randomUUID } from 'node:crypto';
import { BENCH_ENV } from './stats';

/** An HTTP API payload 2.0 event for `owner`, as API Gateway passes it on once its JWT authorizer let it in. */
export function apiEvent(
  owner: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  id?: string,
) {
  return {
    version: '2.0',
    rawPath: path,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
    ...(id ? { pathParameters: { id } } : {}),
    requestContext: {
      requestId: randomUUID(),
      http: { method, path },
      authorizer: { jwt: { claims: { sub: owner } } },
    },
  };
}

/** Sets the functions' environment (before they are loaded) for a new table named after `prefix`, and makes it. */
export async function openBenchTable(endpoint: string, prefix: string) {
  const tableName = `${prefix}-${Date.now()}`;
  Object.assign(process.env, BENCH_ENV, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const { ensureTable, localClient } = await import('../local-stack/table');
  const admin = localClient(endpoint);
  await ensureTable(admin, tableName);
  return { tableName, admin };
}

/** The handlers of the project routes, loaded once the environment is set (they read it when loaded). */
export async function loadHandlers() {
  // biome-ignore lint/suspicious/noExplicitAny: handlers take API Gateway events
  const fn = async (path: string): Promise<any> => (await import(path)).handler;
  return {
    create: await fn('../functions/create-project'),
    batch: await fn('../functions/create-projects-batch'),
    get: await fn('../functions/get-project'),
    list: await fn('../functions/list-projects'),
    update: await fn('../functions/update-project'),
    remove: await fn('../functions/delete-project'),
    restore: await fn('../functions/restore-project'),
  };
}
