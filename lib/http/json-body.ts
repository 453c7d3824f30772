/**
 * Body checks before JSON parsing: size (413), media type (415, UTF-8 only), encoding and
 * structure (400). After them, whatever middy's JSON parser throws can only mean malformed JSON.
 */
import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { MAX_BODY_BYTES } from '../domain/limits';
import { reject, validationFailed } from '../errors/rejections';
import { jsonStructureProblem, MAX_JSON_DEPTH } from './json-structure';
import type { Event, ProxyResult, RequestContext, Validator } from './types';

const JSON_MEDIA_TYPE = /^[ \t]*application\/(?:[\w.+-]+\+)?json/y;

// RFC 9110 §5.6.2 to §5.6.6, §8.3.1: a token, a quoted string (with quoted pairs), and the
// parameters after the media type, each `;` with optional white space and an optional parameter.
const TOKEN = "[!#$%&'*+.^_`|~0-9a-z-]+";
const QUOTED_STRING = '"(?:[\\t !#-\\[\\]-~\\x80-\\xff]|\\\\[\\t -~\\x80-\\xff])*"';
const PARAMETER = new RegExp(`[ \\t]*;[ \\t]*(?:(${TOKEN})=(${TOKEN}|${QUOTED_STRING}))?`, 'y');
const TRAILING_SPACE = /[ \t]*$/y;

/** A parameter's value: a token as it is, a quoted string without its quotes and escapes. */
const unquote = (value: string) => (value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value);

/**
 * `application/json` or `application/*+json`, well-formed as RFC 9110 says (empty parameters
 * and quoted ones, `;` inside quotes included), and UTF-8 if it names a charset. Only the type,
 * the subtype and the charset decide; other parameters are read and left alone.
 */
function isJsonContentType(contentType: string): boolean {
  if (contentType.length > 200) return false;
  const header = contentType.toLowerCase();
  JSON_MEDIA_TYPE.lastIndex = 0;
  if (!JSON_MEDIA_TYPE.test(header)) return false;
  let at = JSON_MEDIA_TYPE.lastIndex;
  for (;;) {
    PARAMETER.lastIndex = at;
    const match = PARAMETER.exec(header);
    if (!match) break;
    const [, name, value = ''] = match;
    if (name === 'charset' && unquote(value) !== 'utf-8') return false;
    at = PARAMETER.lastIndex;
  }
  TRAILING_SPACE.lastIndex = at;
  TRAILING_SPACE.test(header);
  return TRAILING_SPACE.lastIndex === header.length;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Checks size, media type and encoding, and leaves the body as plain UTF-8 text for the
 * JSON parser. Order matters: 413 before 415 before 400.
 */
export function prepareJsonBody(event: Event): void {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw);
  if (bytes.length > MAX_BODY_BYTES) throw reject('PAYLOAD_TOO_LARGE');
  const contentType = event.headers?.['content-type'];
  if (bytes.length === 0) {
    if (contentType !== undefined && !isJsonContentType(contentType)) throw reject('UNSUPPORTED_MEDIA_TYPE');
    throw reject('MALFORMED_JSON');
  }
  if (contentType === undefined || !isJsonContentType(contentType)) throw reject('UNSUPPORTED_MEDIA_TYPE');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw reject('MALFORMED_JSON', { cause: error });
  }
  const problem = jsonStructureProblem(text);
  if (problem) {
    const message =
      problem.kind === 'duplicate-key'
        ? {
            en: `The key "${problem.key}" appears twice in one object.`,
            ko: `한 객체에 "${problem.key}" 키가 두 번 있습니다.`,
          }
        : {
            en: `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
            ko: `본문의 중첩 깊이가 ${MAX_JSON_DEPTH}단계를 넘습니다.`,
          };
    throw validationFailed([{ field: 'body', message }]);
  }
  event.body = text;
  event.isBase64Encoded = false;
  // Checked above, case-insensitively and with its charset; the parser's own check is stricter.
  event.headers['content-type'] = 'application/json';
}

/** Runs the body checks before the JSON parser, for routes that take a body. */
export function jsonBodyChecks(): MiddlewareObj<Event, ProxyResult, Error, RequestContext> {
  return {
    before: async ({ event }) => prepareJsonBody(event),
  };
}

export interface JsonBody<B> {
  validate: Validator<B>;
  middlewares: MiddlewareObj<Event, ProxyResult, Error, RequestContext>[];
}

/** A route's JSON body: checked, then parsed by middy's parser, then validated. */
export function jsonBody<B>(validate: Validator<B>): JsonBody<B> {
  return {
    validate,
    middlewares: [jsonBodyChecks(), httpJsonBodyParser() as MiddlewareObj<Event, ProxyResult, Error, RequestContext>],
  };
}
