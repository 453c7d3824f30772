/**
 * Body checks before JSON parsing: size (413), media type (415, UTF-8 only), encoding and
 * structure (400). After them, whatever middy's JSON parser throws can only mean malformed JSON.
 */
import type { MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { MAX_BODY_BYTES } from '../domain/limits';
import { reject, validationFailed } from '../errors/rejections';
import { jsonStructureProblem, MAX_JSON_DEPTH } from './json-structure';
import type { Event, RequestContext, Result, Validator } from './types';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/** `name=value` or `name="value"` (RFC 9110 §5.6.6): the name, and the value as a token or the quoted text. */
const MEDIA_TYPE_PARAMETER = /^([!#$%&'*+.^_`|~0-9a-z-]+)=(?:([!#$%&'*+.^_`|~0-9a-z-]+)|"([^"\\]*)")$/;

/** `application/json` or `application/*+json`, well-formed, and UTF-8 if it names a charset. */
function isJsonContentType(contentType: string): boolean {
  if (contentType.length > 200) return false;
  // split() always gives one part at least: the media type.
  const [mediaType, ...params] = contentType.toLowerCase().split(';') as [string, ...string[]];
  if (!JSON_MEDIA_TYPE.test(mediaType.trim())) return false;
  return params.every((param) => {
    const match = MEDIA_TYPE_PARAMETER.exec(param.trim());
    if (!match) return false;
    const [, name, token, quoted] = match;
    return name !== 'charset' || (token ?? quoted) === 'utf-8';
  });
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
export function jsonBodyChecks(): MiddlewareObj<Event, Result, Error, RequestContext> {
  return {
    before: async ({ event }) => prepareJsonBody(event),
  };
}

export interface JsonBody<B> {
  validate: Validator<B>;
  middlewares: MiddlewareObj<Event, Result, Error, RequestContext>[];
}

/** A route's JSON body: checked, then parsed by middy's parser, then validated. */
export function jsonBody<B>(validate: Validator<B>): JsonBody<B> {
  return {
    validate,
    middlewares: [jsonBodyChecks(), httpJsonBodyParser() as MiddlewareObj<Event, Result, Error, RequestContext>],
  };
}
