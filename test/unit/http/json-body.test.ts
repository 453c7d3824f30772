import { prepareJsonBody } from '../../../lib/http/json-body';
import { apiEvent } from '../../support/lambda';
import { codeOf } from '../../support/rejections';

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
  ])('takes a JSON body sent as %j', (contentType) => {
    expect(verdict('{}', contentType)).toBeUndefined();
  });

  it.each([
    'application/json; charset=utf-16',
    'application/json; charset="latin1"',
    'application/json; charset=utf-8; charset=latin1',
    'application/json; charset=',
    'application/json; profile',
    'application/json; profile="a\\"b"',
    'application/json; pro file=x',
    'application/jsonx',
    'xapplication/json',
    'application/json+xml',
    'application/+json',
    'application/x-json',
    'text/json',
    'application/json, text/html',
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

  it('hands the parser the body as text labelled plain application/json', () => {
    const event = apiEvent({ rawBody: Buffer.from('{"title":"가"}').toString('base64') });
    event.isBase64Encoded = true;
    event.headers['content-type'] = 'Application/JSON; charset="UTF-8"';
    prepareJsonBody(event);
    expect(event).toMatchObject({ body: '{"title":"가"}', isBase64Encoded: false });
    expect(event.headers['content-type']).toBe('application/json');
  });
});
