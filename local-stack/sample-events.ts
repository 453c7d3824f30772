/**
 * The sample events of events/, one per function, for
 * `npx serverless invoke local -f <function> -p events/<function>.json`. Each is recorded from
 * the local gateway: a sample request (below) goes through it over HTTP, with a token of `alice`
 * that its JWT authorizer verifies, and the event it sends the function's Lambda endpoint is
 * what the file holds. What changes from one run to the next is then fixed: the request id, the
 * time, the token's times, the client's address; the `Authorization` header is left out (the function reads the
 * authorizer's claims, never the token, and a token does not belong in a committed file).
 * `npm run events` writes them; a test fails when the committed files differ.
 */
import { createServer, request as send } from 'node:http';
import { join } from 'node:path';
import { jwtAuthorizer } from './authorizer';
import { startGateway } from './gateway';
import { routeOf } from './http-api';
import { generateKeys, localAuthParams, ROOT, signToken } from './local-tokens';
import { serverlessYml } from './serverless-yml';

export const EVENTS_DIR = join(ROOT, 'events');

/** An id of the form the API mints, of no project: read, rename, delete and restore answer 404 until you use one of yours. */
const SAMPLE_ID = '01KBSAMPLE0000000000000000';

interface SampleRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** A request for each function of serverless.yml. */
export const SAMPLE_REQUESTS: Record<string, SampleRequest> = {
  createProject: {
    method: 'POST',
    path: '/projects',
    body: { title: 'Sample project', description: 'Made with serverless invoke local' },
  },
  createProjectsBatch: {
    method: 'POST',
    path: '/projects/batch',
    body: { projects: [{ title: 'Sample batch 1' }, { title: 'Sample batch 2' }] },
  },
  listProjects: { method: 'GET', path: '/projects?limit=5' },
  getProject: { method: 'GET', path: `/projects/${SAMPLE_ID}` },
  updateProject: { method: 'PATCH', path: `/projects/${SAMPLE_ID}`, body: { title: 'Renamed sample' } },
  deleteProject: { method: 'DELETE', path: `/projects/${SAMPLE_ID}` },
  restoreProject: { method: 'POST', path: `/projects/${SAMPLE_ID}/restore` },
  getOpenApi: { method: 'GET', path: '/openapi.json' },
  getDocs: { method: 'GET', path: '/docs' },
  routeNotFound: { method: 'GET', path: '/nowhere' },
};

/** What a recording fixes, so that the files change only when the gateway does. */
const FIXED = { requestId: 'c2FtcGxlLXJlcXVlc3Q=', time: '04/Dec/2026:09:00:00 +0000', timeEpoch: 1796374800000 };
const FIXED_CLAIMS = { iat: '1796374800', exp: '1796418000' };

/** A server in the place of serverless offline's Lambda endpoint: it keeps each event it is sent, by function. */
async function recorder() {
  const events = new Map<string, Record<string, unknown>>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const name = decodeURIComponent(/functions\/([^/]+)\/invocations/.exec(request.url ?? '')?.[1] ?? '');
      events.set(name, JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"statusCode":204}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { events, server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** Sends one request as curl would, with its Host and User-Agent fixed. */
function sendRequest(port: number, sample: SampleRequest, token: string): Promise<void> {
  const body = sample.body === undefined ? undefined : JSON.stringify(sample.body);
  return new Promise((resolve, reject) => {
    const call = send(
      {
        host: '127.0.0.1',
        port,
        method: sample.method,
        path: sample.path,
        headers: {
          host: 'localhost:3000',
          'user-agent': 'curl/8.5.0',
          accept: '*/*',
          authorization: `Bearer ${token}`,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        response.resume();
        response.once('end', resolve);
      },
    );
    call.once('error', reject);
    call.end(body);
  });
}

/** Records the event of every sample request; resolves to the file name and text of each. */
export async function recordSampleEvents(): Promise<Map<string, string>> {
  const yml = serverlessYml();
  const routes = Object.entries(yml.functions).flatMap(([key, fn]) =>
    (fn.events ?? []).flatMap(({ httpApi }) => (httpApi === undefined ? [] : [routeOf(httpApi, key, 6000)])),
  );
  const keys = await generateKeys();
  const lambda = await recorder();
  const gateway = await startGateway(0, {
    lambda: { host: '127.0.0.1', port: lambda.port },
    routes,
    authorize: jwtAuthorizer({ ...localAuthParams(), keys: [keys.publicJwk] }),
    perFunction: 1,
    maxQueueMs: 5000,
  });
  try {
    const address = gateway.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const token = await signToken('alice', { keys });
    const files = new Map<string, string>();
    for (const [name, sample] of Object.entries(SAMPLE_REQUESTS)) {
      await sendRequest(port, sample, token);
      const event = lambda.events.get(name);
      if (!event) throw new Error(`the gateway sent ${sample.method} ${sample.path} to no function named ${name}`);
      files.set(`${name}.json`, `${JSON.stringify(fixed(event), null, 2)}\n`);
    }
    return files;
  } finally {
    await gateway.close();
    lambda.server.close();
  }
}

/** The event with what changes from run to run fixed, and no token. */
function fixed(event: Record<string, unknown>): Record<string, unknown> {
  const { authorization: _token, ...headers } = event.headers as Record<string, string>;
  const context = event.requestContext as Record<string, unknown> & {
    http: Record<string, string>;
    authorizer?: { jwt: { claims: Record<string, string> } };
  };
  const authorizer = context.authorizer && {
    jwt: { ...context.authorizer.jwt, claims: { ...context.authorizer.jwt.claims, ...FIXED_CLAIMS } },
  };
  return {
    ...event,
    headers,
    requestContext: {
      ...context,
      ...FIXED,
      http: { ...context.http, sourceIp: '127.0.0.1' },
      ...(authorizer ? { authorizer } : {}),
    },
  };
}
