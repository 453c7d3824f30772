import {
  type CorsSettings,
  type HttpApiRoute,
  httpAnswerOf,
  httpApiEvent,
  isPreflight,
  joinHeaders,
  matchRoute,
  preflightAnswer,
  withCors,
} from '../../../local-stack/http-api';

const route = (routeKey: string, functionName: string): HttpApiRoute => {
  const [method = '', path = ''] = routeKey.split(' ');
  return { routeKey, method, path, functionName, timeoutMs: 10_000 };
};
const ROUTES = [
  route('GET /projects', 'list'),
  route('POST /projects/batch', 'batch'),
  route('GET /projects/{id}', 'get'),
  route('ANY /things/{id}', 'things'),
  { routeKey: '$default', method: 'ANY', path: '*', functionName: 'notFound', timeoutMs: 10_000 },
];
const CORS: CorsSettings = {
  allowedOrigins: ['https://app.example.com'],
  allowedHeaders: ['Authorization', 'Content-Type'],
  allowedMethods: ['GET', 'POST'],
  exposedResponseHeaders: ['ETag', 'x-request-id'],
  allowCredentials: false,
  maxAge: 600,
};

const request = (overrides: Partial<Parameters<typeof httpApiEvent>[0]> = {}) => ({
  method: 'GET',
  url: '/projects',
  rawHeaders: ['Host', 'localhost:3000', 'User-Agent', 'curl/8'],
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  ...overrides,
});
const eventOf = (overrides: Partial<Parameters<typeof httpApiEvent>[0]> = {}) => {
  const raw = request(overrides);
  const match = matchRoute(ROUTES, raw.method, raw.url.split('?')[0] ?? '/');
  if (!match) throw new Error('no route');
  return httpApiEvent(raw, match, { now: new Date('2026-03-12T19:03:58.390Z') });
};

describe('matchRoute', () => {
  it.each([
    ['GET', '/projects', 'GET /projects', undefined],
    ['GET', '/projects/batch', 'GET /projects/{id}', { id: 'batch' }],
    ['POST', '/projects/batch', 'POST /projects/batch', undefined],
    ['GET', '/projects/a%2Fb', 'GET /projects/{id}', { id: 'a/b' }],
    ['DELETE', '/things/1', 'ANY /things/{id}', { id: '1' }],
    ['HEAD', '/projects', '$default', undefined],
    ['OPTIONS', '/projects', '$default', undefined],
    ['GET', '/projects/', '$default', undefined],
    ['GET', '/Projects', '$default', undefined],
  ])('sends %s %s to %s', (method, path, routeKey, pathParameters) => {
    const match = matchRoute(ROUTES, method, path);
    expect(match?.route.routeKey).toBe(routeKey);
    expect(match?.pathParameters).toEqual(pathParameters);
  });

  it('finds nothing without a $default route', () => {
    expect(matchRoute(ROUTES.slice(0, 2), 'GET', '/nowhere')).toBeUndefined();
  });
});

describe('httpApiEvent', () => {
  it('is a payload format 2.0 event with the request as sent', () => {
    const event = eventOf({ url: '/projects?limit=5&tag=a&tag=b' });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /projects',
      rawPath: '/projects',
      rawQueryString: 'limit=5&tag=a&tag=b',
      queryStringParameters: { limit: '5', tag: 'a,b' },
      headers: { host: 'localhost:3000', 'user-agent': 'curl/8' },
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'GET', path: '/projects', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8' },
        routeKey: 'GET /projects',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: 1773342238390,
      },
    });
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('cookies');
    expect(event).not.toHaveProperty('pathParameters');
    expect(eventOf()).not.toHaveProperty('queryStringParameters');
  });

  it('lower-cases header names and joins repeated headers with commas, as API Gateway does', () => {
    expect(joinHeaders(['Accept', 'a/b', 'X-Many', '1', 'x-many', '2', 'Authorization', 'Bearer t'])).toEqual({
      accept: 'a/b',
      'x-many': '1,2',
      authorization: 'Bearer t',
    });
  });

  it('passes cookies on as they came, out of the headers, never parsed or refused', () => {
    const event = eventOf({ rawHeaders: ['Cookie', 'prefs=a,b; theme=%%bad', 'cookie', 'late=1'] });
    expect(event.cookies).toEqual(['prefs=a,b', 'theme=%%bad', 'late=1']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('passes a JSON body as text, and anything else as the client’s bytes in base64', () => {
    const json = eventOf({
      method: 'POST',
      url: '/projects/batch',
      rawHeaders: ['Content-Type', 'application/json'],
      body: Buffer.from('false'),
    });
    expect(json).toMatchObject({ body: 'false', isBase64Encoded: false });
    const untyped = eventOf({ method: 'POST', url: '/projects/batch', body: Buffer.from('{"a":1}') });
    expect(untyped).toMatchObject({ body: Buffer.from('{"a":1}').toString('base64'), isBase64Encoded: true });
    const invalid = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    const notUtf8 = eventOf({
      method: 'POST',
      url: '/projects/batch',
      rawHeaders: ['content-type', 'application/json'],
      body: invalid,
    });
    expect(notUtf8).toMatchObject({ body: invalid.toString('base64'), isBase64Encoded: true });
  });
});

describe('httpAnswerOf', () => {
  it('answers a result with a statusCode as it says, cookies as Set-Cookie, base64 bodies decoded', () => {
    const payload = JSON.stringify({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', ETag: '"1"' },
      cookies: ['a=1'],
      body: Buffer.from('{"ok":true}').toString('base64'),
      isBase64Encoded: true,
    });
    expect(httpAnswerOf(payload)).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json', etag: '"1"' },
      cookies: ['a=1'],
      body: Buffer.from('{"ok":true}'),
    });
  });

  it('answers a result without a statusCode as a 200 whose JSON body is the result', () => {
    expect(httpAnswerOf('{"hello":"world"}')).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from('{"hello":"world"}'),
    });
  });

  it.each([
    ['not json'],
    ['{"statusCode":"200"}'],
    ['{"statusCode":99}'],
    ['{"statusCode":200,"headers":{"a":{"b":1}}}'],
    ['{"statusCode":200,"body":{}}'],
    ['{"statusCode":200,"cookies":"a=1"}'],
  ])('refuses %s, which API Gateway answers with a 500', (payload) => {
    expect(httpAnswerOf(payload)).toBeUndefined();
  });
});

describe('CORS', () => {
  const origin = { origin: 'https://app.example.com' };

  it('tells a preflight by OPTIONS with Origin and Access-Control-Request-Method', () => {
    expect(isPreflight('OPTIONS', { ...origin, 'access-control-request-method': 'POST' })).toBe(true);
    expect(isPreflight('OPTIONS', origin)).toBe(false);
    expect(isPreflight('OPTIONS', {})).toBe(false);
    expect(isPreflight('GET', { ...origin, 'access-control-request-method': 'POST' })).toBe(false);
  });

  it('answers a preflight of an allowed origin with the settings, and of another origin with none', () => {
    expect(preflightAnswer(CORS, origin).headers).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'authorization,content-type',
      'access-control-max-age': '600',
    });
    expect(preflightAnswer(CORS, { origin: 'https://evil.example' })).toMatchObject({ status: 204, headers: {} });
  });

  it('puts its own CORS headers on answers to an allowed origin, and drops the function’s', () => {
    const answer = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
    expect(withCors(CORS, origin, answer)).toEqual({
      'content-type': 'application/json',
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-expose-headers': 'etag,x-request-id',
    });
    expect(withCors(CORS, {}, answer)).toEqual({ 'content-type': 'application/json' });
    expect(withCors(undefined, origin, answer)).toBe(answer);
  });
});
