import type { Request } from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import type { Context } from 'aws-lambda';
import { MAX_BODY_BYTES } from '../../../lib/domain/limits';
import { errorCatalog, errorMessage } from '../../../lib/errors/catalog';
import { isRejection, reject, validationFailed } from '../../../lib/errors/rejections';
import { prepareJsonBody } from '../../../lib/http/json-body';
import { errorEnvelope } from '../../../lib/http/middlewares/error-envelope';
import { knownErrors } from '../../../lib/http/middlewares/known-errors';
import { securityHeaders } from '../../../lib/http/middlewares/security-headers';
import type { Event, ProxyResult, RequestContext } from '../../../lib/http/types';
import { apiEvent } from '../../support/lambda';
import { codeOf } from '../../support/rejections';

type RequestState = Pick<RequestContext, 'requestId' | 'language' | 'problem' | 'route' | 'owner' | 'startedAt'>;

/** The error half of the handler's chain, in its order, over one thrown error. */
async function onErrorChain(error: unknown, state: RequestState, instance: string) {
  const request = {
    event: { rawPath: instance } as Event,
    context: { ...state } as RequestContext,
    response: undefined,
    error,
    internal: {},
  } as unknown as Request<Event, ProxyResult, Error, RequestContext>;
  for (const middleware of [knownErrors(), httpErrorHandler({ logger: false }), errorEnvelope(), securityHeaders()]) {
    await middleware.onError?.(request);
  }
  return request;
}

/** The answer the handler gives for a thrown error. */
async function errorResponse(error: unknown, state: RequestState, instance: string): Promise<ProxyResult> {
  return (await onErrorChain(error, state, instance)).response as ProxyResult;
}

/** Whether the chain answers a thrown error as a rejection or as an exception (a bare 500). */
async function toApiError(error: unknown) {
  const request = await onErrorChain(
    error,
    { requestId: 'r', language: 'en', problem: false, route: '', owner: '', startedAt: 0 },
    '/',
  );
  const unexpected = !isRejection(request.context.failure) || request.response?.statusCode === 500;
  const code = JSON.parse(request.response?.body ?? '{}').code as string;
  return {
    apiError: isRejection(request.context.failure) && !unexpected ? request.context.failure : { code },
    unexpected,
  };
}

const state = (overrides: Partial<RequestState> = {}): RequestState => ({
  requestId: 'req-1',
  language: 'en',
  problem: false,
  route: 'POST /projects',
  owner: 'user-1',
  startedAt: 0,
  ...overrides,
});

describe('the error catalog', () => {
  it('gives every code a status, a reason phrase and English and Korean text', () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.reason.length).toBeGreaterThan(0);
      expect(entry.text.en.length).toBeGreaterThan(0);
      expect(entry.text.ko).toMatch(/[\uac00-\ud7a3]/);
    }
  });

  it('holds the contract’s minimum codes with their statuses', () => {
    const statuses = Object.fromEntries(Object.entries(errorCatalog).map(([code, entry]) => [code, entry.status]));
    expect(statuses).toMatchObject({
      VALIDATION_FAILED: 400,
      MALFORMED_JSON: 400,
      UNAUTHORIZED: 401,
      PROJECT_NOT_FOUND: 404,
      ROUTE_NOT_FOUND: 404,
      PROJECT_TITLE_CONFLICT: 409,
      PROJECT_VERSION_CONFLICT: 409,
      PROJECT_NOT_DELETED: 409,
      IDEMPOTENCY_KEY_REUSED: 422,
      PRECONDITION_FAILED: 412,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      SERVICE_UNAVAILABLE: 503,
      INTERNAL_ERROR: 500,
    });
  });

  it('formats messages as [Reason Phrase] text', () => {
    expect(errorMessage('PROJECT_TITLE_CONFLICT', 'ko')).toBe('[Conflict] 동일한 이름의 프로젝트가 이미 존재합니다.');
    expect(errorMessage('INTERNAL_ERROR', 'en')).toBe('[Internal Server Error] Internal server error');
  });
});

describe('errorResponse', () => {
  it('builds the failure envelope with request id, language and errors', async () => {
    const error = validationFailed([{ field: 'title', message: 'Required' }]);
    const response = await errorResponse(error, state({ language: 'ko' }), '/projects');
    expect(response.statusCode).toBe(400);
    expect(response.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'content-language': 'ko',
      'x-request-id': 'req-1',
    });
    expect(JSON.parse(response.body ?? '')).toEqual({
      status: 'Failed',
      code: 'VALIDATION_FAILED',
      message: '[Bad Request] 요청이 올바르지 않습니다.',
      requestId: 'req-1',
      errors: [{ field: 'title', message: 'Required' }],
    });
  });

  it('leaves errors out when there are none', async () => {
    const body = JSON.parse((await errorResponse(reject('PROJECT_TITLE_CONFLICT'), state(), '/projects')).body ?? '');
    expect(body).not.toHaveProperty('errors');
  });

  it('builds RFC 9457 problem details on request', async () => {
    const error = reject('SERVICE_UNAVAILABLE', { headers: { 'retry-after': '1' } });
    const response = await errorResponse(error, state({ problem: true }), '/projects');
    expect(response.headers).toMatchObject({
      'content-type': 'application/problem+json; charset=utf-8',
      'retry-after': '1',
    });
    expect(JSON.parse(response.body ?? '')).toEqual({
      type: 'urn:projects-api:error:SERVICE_UNAVAILABLE',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The service is temporarily unavailable. Please retry later.',
      instance: '/projects',
      code: 'SERVICE_UNAVAILABLE',
      requestId: 'req-1',
    });
  });

  it('carries the per-field errors in problem details too, in the request’s language', async () => {
    const error = validationFailed([{ field: 'title', message: { en: 'Required', ko: '필수입니다' } }]);
    const response = await errorResponse(error, state({ problem: true, language: 'ko' }), '/projects');
    expect(JSON.parse(response.body ?? '')).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'title', message: '필수입니다' }],
    });
  });
});

describe('toApiError', () => {
  it('keeps rejections and turns anything else into a bare INTERNAL_ERROR', async () => {
    const rejection = reject('PROJECT_TITLE_CONFLICT');
    expect(await toApiError(rejection)).toEqual({ apiError: rejection, unexpected: false });
    const { apiError, unexpected } = await toApiError(new Error('secret table name'));
    expect(unexpected).toBe(true);
    expect(apiError.code).toBe('INTERNAL_ERROR');
    const body = (await errorResponse(apiError, state(), '/')).body ?? '';
    expect(body).not.toMatch(/secret/);
  });

  it('reads the JSON body parser’s failure as MALFORMED_JSON', async () => {
    const error = Object.assign(new Error('Invalid or malformed JSON was provided'), {
      statusCode: 415,
      cause: { package: '@middy/http-json-body-parser' },
    });
    expect((await toApiError(error)).apiError.code).toBe('MALFORMED_JSON');
    const { context } = await onErrorChain(error, state(), '/projects');
    expect((context.failure as { cause?: unknown }).cause).toBe(error);
  });

  it('treats thrown non-errors as unexpected', async () => {
    expect((await toApiError('a string')).unexpected).toBe(true);
    expect((await toApiError(null)).unexpected).toBe(true);
  });
});

describe('prepareJsonBody', () => {
  it('decodes a base64 body to text for the parser', () => {
    const event = apiEvent({ body: { title: 'x' }, base64: true });
    prepareJsonBody(event);
    expect(event.body).toBe('{"title":"x"}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('allows exactly 256 KiB and refuses one byte more', () => {
    const exact = apiEvent({ rawBody: `"${'x'.repeat(MAX_BODY_BYTES - 2)}"` });
    expect(codeOf(() => prepareJsonBody(exact))).toBeUndefined();
    const over = apiEvent({ rawBody: `"${'x'.repeat(MAX_BODY_BYTES - 1)}"` });
    expect(codeOf(() => prepareJsonBody(over))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('counts bytes, not characters', () => {
    const event = apiEvent({ rawBody: `"${'가'.repeat(MAX_BODY_BYTES / 3)}"` });
    expect(codeOf(() => prepareJsonBody(event))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const event = apiEvent({ rawBody: '\ufeff{"title":"x"}' });
    prepareJsonBody(event);
    expect(event.body).toBe('{"title":"x"}');
  });

  it.each([
    ['no Content-Type', undefined, 'UNSUPPORTED_MEDIA_TYPE'],
    ['text/plain', 'text/plain', 'UNSUPPORTED_MEDIA_TYPE'],
    ['a JSON look-alike', 'application/jsonp', 'UNSUPPORTED_MEDIA_TYPE'],
    ['UTF-16 JSON', 'application/json; charset=utf-16', 'UNSUPPORTED_MEDIA_TYPE'],
    ['a +json type', 'application/merge-patch+json', undefined],
  ])('checks the media type: %s', (_name, contentType, code) => {
    const event = apiEvent({ rawBody: '{}' });
    if (contentType === undefined) delete event.headers['content-type'];
    else event.headers['content-type'] = contentType;
    expect(codeOf(() => prepareJsonBody(event))).toBe(code);
  });
});

describe('the catch-all route', () => {
  it('answers 404 ROUTE_NOT_FOUND without asking for a token', async () => {
    const { handler } = await import('../../../functions/route-not-found');
    const event = apiEvent({ method: 'GET', path: '/nothing/here', owner: null });
    const response = await handler(event, { awsRequestId: 'abc' } as Context);
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '')).toEqual({
      status: 'Failed',
      code: 'ROUTE_NOT_FOUND',
      message: '[Not Found] No route matches the request method and path.',
      requestId: 'abc',
    });
    expect(response.headers?.['x-request-id']).toBe('abc');
  });
});
