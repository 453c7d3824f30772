import { prepareJsonBody } from '../../../lib/http/json-body';
import { apiEvent } from '../../support/lambda';
import { codeOf } from '../../support/rejections';

/** The rejection a call throws. */
function rejectionOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('nothing thrown');
}

/** The code prepareJsonBody refuses this body and Content-Type with; undefined when it takes them. */
function verdict(rawBody: string, contentType: string | undefined) {
  const event = apiEvent({ rawBody });
  if (contentType === undefined) delete event.headers['content-type'];
  else event.headers['content-type'] = contentType;
  return codeOf(() => prepareJsonBody(event));
}

describe('prepareJsonBody', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'application/json; charset="utf-8"',
    ' application/json ',
    'application/vnd.api+json',
    'application/a.b-c_d+json',
    'application/json; profile=x',
    'application/json; profile="a b"',
    'application/json; charset=utf-8; profile=x',
    'application/json;',
    'application/json; ',
    'application/json;;charset=utf-8;',
    'application/json; profile="a;b"',
    'application/json; profile="x;charset=latin1"; charset=utf-8',
    'application/json; profile="a\\"b"',
    'application/json; charset="utf\\-8"',
  ])('takes a JSON body sent as %j', (contentType) => {
    expect(verdict('{}', contentType)).toBeUndefined();
  });

  it.each([
    'application/json; charset=utf-16',
    'application/json; charset="latin1"',
    'application/json; charset=utf-8; charset=latin1',
    'application/json; charset=',
    'application/json; profile',
    'application/json; pro file=x',
    'application/json; profile=x y',
    'application/json; profile="a"b',
    'application/json; charset="utf-8',
    'application/jsonx',
    'xapplication/json',
    'application/json+xml',
    'application/+json',
    'application/x-json',
    'text/json',
    'application/json, text/html',
    'application/json; profile="a;b',
    'application/json; profile="a;b"; charset=latin1',
    'application/json; profile="a"; charset="latin1"',
    'application/json; profile="\u0001"',
  ])('refuses 415 a body sent as %j', (contentType) => {
    expect(verdict('{}', contentType)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('reads a Content-Type of up to 200 characters, and refuses a longer one', () => {
    const of = (length: number) => `application/json; p=${'x'.repeat(length - 'application/json; p='.length)}`;
    expect(of(200)).toHaveLength(200);
    expect(verdict('{}', of(200))).toBeUndefined();
    expect(verdict('{}', of(201))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('calls an empty body malformed JSON, unless it is labelled as something else than JSON', () => {
    expect(verdict('', 'application/json')).toBe('MALFORMED_JSON');
    expect(verdict('', undefined)).toBe('MALFORMED_JSON');
    expect(verdict('', 'text/plain')).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('calls a missing body malformed JSON, and refuses a body without headers 415', () => {
    const bodiless = apiEvent({ rawBody: '' });
    delete bodiless.body;
    delete bodiless.headers['content-type'];
    expect(codeOf(() => prepareJsonBody(bodiless))).toBe('MALFORMED_JSON');
    const headless = apiEvent({ rawBody: '{}' });
    delete (headless as { headers?: unknown }).headers;
    expect(codeOf(() => prepareJsonBody(headless))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps what the UTF-8 decoder said of a body that is not UTF-8, for the log', () => {
    const event = apiEvent({ rawBody: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]).toString('base64') });
    event.isBase64Encoded = true;
    const failure = rejectionOf(() => prepareJsonBody(event));
    expect(failure).toMatchObject({
      code: 'MALFORMED_JSON',
      cause: expect.objectContaining({ code: 'ERR_ENCODING_INVALID_ENCODED_DATA' }),
    });
  });

  it.each([
    ['{"a":1,"a":2}', { en: 'The key "a" appears twice in one object.', ko: '한 객체에 "a" 키가 두 번 있습니다.' }],
    [
      `${'['.repeat(40)}${']'.repeat(40)}`,
      { en: 'The body is nested deeper than 32 levels.', ko: '본문의 중첩 깊이가 32단계를 넘습니다.' },
    ],
  ])('says in both languages what is wrong with the structure of %s', (rawBody, message) => {
    const failure = rejectionOf(() => prepareJsonBody(apiEvent({ rawBody })));
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body', message }] });
  });

  it('hands the parser the body as text labelled plain application/json', () => {
    const event = apiEvent({ rawBody: Buffer.from('{"title":"가"}').toString('base64') });
    event.isBase64Encoded = true;
    event.headers['content-type'] = 'Application/JSON; charset="UTF-8"';
    prepareJsonBody(event);
    expect(event).toMatchObject({ body: '{"title":"가"}', isBase64Encoded: false });
    expect(event.headers['content-type']).toBe('application/json');
  });
});
