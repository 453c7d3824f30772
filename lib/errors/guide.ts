/**
 * What the docs say of each error code: when the API answers it, whether the same request
 * may succeed later, and what a client should do. Imported by the OpenAPI generator and
 * `docs/errors.md` only (build time), never by a function.
 */
import { type CatalogEntry, type ErrorCode, errorCatalog } from './catalog';

export interface Guidance {
  /** When the API answers with this code. */
  readonly when: string;
  /** Whether the same request may succeed if it is sent again unchanged. */
  readonly retryable: boolean;
  /** What a client should do about it. */
  readonly clientAction: string;
}

export const errorGuide: Readonly<Record<ErrorCode, Guidance>> = {
  VALIDATION_FAILED: {
    when: 'The body, a path parameter or a query parameter fails the schema. `errors` names each field.',
    retryable: false,
    clientAction: 'Fix the fields named in `errors` and send the request again.',
  },
  MALFORMED_JSON: {
    when: 'The body is empty, not valid UTF-8 or not valid JSON.',
    retryable: false,
    clientAction: 'Send a well-formed JSON document as the body.',
  },
  UNAUTHORIZED: {
    when: 'The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience. API Gateway’s JWT authorizer answers it before any function runs, with its own body `{"message":"Unauthorized"}` and `WWW-Authenticate`: the typed client gives this code.',
    retryable: false,
    clientAction: 'Obtain a fresh token and send it as `Authorization: Bearer <token>`.',
  },
  PROJECT_NOT_FOUND: {
    when: 'No such project for this owner, or it is deleted where the route needs a live one. Projects of other owners answer the same.',
    retryable: false,
    clientAction: 'Check the id; list the projects to find it.',
  },
  ROUTE_NOT_FOUND: {
    when: 'No route matches the method and path.',
    retryable: false,
    clientAction: 'Check the method and path against the OpenAPI document.',
  },
  METHOD_NOT_ALLOWED: {
    when: 'The path exists, but not with this method. `Allow` names the methods it supports.',
    retryable: false,
    clientAction: 'Use one of the methods named in `Allow`.',
  },
  PROJECT_TITLE_CONFLICT: {
    when: 'The owner already has a live project with the same title (compared after Unicode’s NFKC_Casefold, trimming and collapsing white space).',
    retryable: false,
    clientAction: 'Choose another title, or rename or delete the project that holds it.',
  },
  PROJECT_VERSION_CONFLICT: {
    when: 'The `version` in the body is not the current version of the project.',
    retryable: false,
    clientAction: 'Read the project again and reapply the change to the current version.',
  },
  PROJECT_NOT_DELETED: {
    when: 'A restore was asked for a project that is not deleted.',
    retryable: false,
    clientAction: 'Nothing to do: the project is live.',
  },
  PRECONDITION_FAILED: {
    when: '`If-Match` does not match the current ETag of the project.',
    retryable: false,
    clientAction: 'Read the project again to get its current ETag.',
  },
  PAYLOAD_TOO_LARGE: {
    when: 'The body is larger than 256 KiB (after base64 decoding). Over API Gateway’s 10 MB, or Lambda’s 6 MB for the whole request, API Gateway answers itself with `{"message":"Request Entity Too Large"}`: the typed client gives this code.',
    retryable: false,
    clientAction: 'Send a smaller body; split a batch into several.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    when: 'A request body is sent with a `Content-Type` other than `application/json` or `application/*+json`, or with a charset other than UTF-8. Other parameters, empty or quoted, do not matter.',
    retryable: false,
    clientAction: 'Send the body as `Content-Type: application/json`.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    when: 'An `Idempotency-Key` is reused with a different request body.',
    retryable: false,
    clientAction: 'Use a new key for a new request; reuse a key only to retry the very same request.',
  },
  TOO_MANY_REQUESTS: {
    when: 'API Gateway’s throttling of the stage (a rate and a burst for each route, all clients together) refused the request, before any function ran. Its body is API Gateway’s `{"message":"Too Many Requests"}`: the typed client gives this code.',
    retryable: true,
    clientAction: 'Retry with a growing, jittered delay, as after a 503; send fewer requests at once.',
  },
  SERVICE_UNAVAILABLE: {
    when: 'A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.',
    retryable: true,
    clientAction:
      'Retry after the `Retry-After` seconds, with backoff. Send an `Idempotency-Key` on creates so that a retry can never create twice.',
  },
  INTERNAL_ERROR: {
    when: 'Anything unexpected. The details are in the server log under the `requestId`.',
    retryable: false,
    clientAction: 'Report the `requestId` to support; retrying may not help.',
  },
};

/** Every code with its catalog entry and its guidance, in catalog order. */
export function documentedCatalog(): [ErrorCode, CatalogEntry & Guidance][] {
  return (Object.keys(errorCatalog) as ErrorCode[]).map((code) => [
    code,
    { ...errorCatalog[code], ...errorGuide[code] },
  ]);
}
