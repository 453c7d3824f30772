/**
 * The error catalog: every code the API can answer with, in one place.
 *
 * A code is a promise to clients: it never changes meaning once published. The HTTP
 * status, the reason phrase, the English and Korean texts and the advice for clients all
 * live here, and `docs/errors.md` is generated from this table.
 */

export type Language = 'en' | 'ko';

export interface CatalogEntry {
  readonly status: number;
  /** The HTTP reason phrase, the `[...]` prefix of every message. */
  readonly reason: string;
  /** When the API answers with this code. */
  readonly when: string;
  /** Whether the same request may succeed if it is sent again unchanged. */
  readonly retryable: boolean;
  /** What a client should do about it. */
  readonly clientAction: string;
  readonly text: Readonly<Record<Language, string>>;
}

export const errorCatalog = {
  VALIDATION_FAILED: {
    status: 400,
    reason: 'Bad Request',
    when: 'The body, a path parameter or a query parameter fails the schema. `errors` names each field.',
    retryable: false,
    clientAction: 'Fix the fields named in `errors` and send the request again.',
    text: { en: 'The request is invalid.', ko: '요청이 올바르지 않습니다.' },
  },
  MALFORMED_JSON: {
    status: 400,
    reason: 'Bad Request',
    when: 'The body is empty, not valid UTF-8 or not valid JSON.',
    retryable: false,
    clientAction: 'Send a well-formed JSON document as the body.',
    text: {
      en: 'The request body is not valid JSON.',
      ko: '요청 본문이 올바른 JSON이 아닙니다.',
    },
  },
  UNAUTHORIZED: {
    status: 401,
    reason: 'Unauthorized',
    when: 'The bearer token is missing, malformed, expired, badly signed, or from the wrong issuer or audience.',
    retryable: false,
    clientAction: 'Obtain a fresh token and send it as `Authorization: Bearer <token>`.',
    text: {
      en: 'A valid bearer token is required.',
      ko: '유효한 인증 토큰이 필요합니다.',
    },
  },
  PROJECT_NOT_FOUND: {
    status: 404,
    reason: 'Not Found',
    when: 'No such project for this owner, or it is deleted where the route needs a live one. Projects of other owners answer the same.',
    retryable: false,
    clientAction: 'Check the id; list the projects to find it.',
    text: { en: 'The project does not exist.', ko: '프로젝트가 존재하지 않습니다.' },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    reason: 'Not Found',
    when: 'No route matches the method and path.',
    retryable: false,
    clientAction: 'Check the method and path against the OpenAPI document.',
    text: {
      en: 'No route matches the request method and path.',
      ko: '요청한 메서드와 경로에 해당하는 API가 없습니다.',
    },
  },
  PROJECT_TITLE_CONFLICT: {
    status: 409,
    reason: 'Conflict',
    when: 'The owner already has a live project with the same title (compared after NFKC, trimming, collapsing white space and case folding).',
    retryable: false,
    clientAction: 'Choose another title, or rename or delete the project that holds it.',
    text: {
      en: 'A project with the same title already exists.',
      ko: '동일한 이름의 프로젝트가 이미 존재합니다.',
    },
  },
  PROJECT_VERSION_CONFLICT: {
    status: 409,
    reason: 'Conflict',
    when: 'The `version` in the body is not the current version of the project.',
    retryable: false,
    clientAction: 'Read the project again and reapply the change to the current version.',
    text: {
      en: 'The project has been changed since that version.',
      ko: '해당 버전 이후에 프로젝트가 변경되었습니다.',
    },
  },
  PROJECT_NOT_DELETED: {
    status: 409,
    reason: 'Conflict',
    when: 'A restore was asked for a project that is not deleted.',
    retryable: false,
    clientAction: 'Nothing to do: the project is live.',
    text: { en: 'The project is not deleted.', ko: '삭제되지 않은 프로젝트입니다.' },
  },
  PRECONDITION_FAILED: {
    status: 412,
    reason: 'Precondition Failed',
    when: '`If-Match` does not match the current ETag of the project.',
    retryable: false,
    clientAction: 'Read the project again to get its current ETag.',
    text: {
      en: 'The project does not match the If-Match precondition.',
      ko: '프로젝트가 If-Match 조건과 일치하지 않습니다.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    reason: 'Payload Too Large',
    when: 'The body is larger than 256 KiB (after base64 decoding).',
    retryable: false,
    clientAction: 'Send a smaller body; split a batch into several.',
    text: {
      en: 'The request body is larger than 256 KiB.',
      ko: '요청 본문이 256 KiB보다 큽니다.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    reason: 'Unsupported Media Type',
    when: 'A request body is sent with a `Content-Type` other than `application/json` (UTF-8).',
    retryable: false,
    clientAction: 'Send the body as `Content-Type: application/json`.',
    text: {
      en: 'The request body must be application/json.',
      ko: '요청 본문은 application/json 형식이어야 합니다.',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    reason: 'Unprocessable Entity',
    when: 'An `Idempotency-Key` is reused with a different request body.',
    retryable: false,
    clientAction: 'Use a new key for a new request; reuse a key only to retry the very same request.',
    text: {
      en: 'This Idempotency-Key was already used with a different request.',
      ko: '이 Idempotency-Key는 이미 다른 요청에 사용되었습니다.',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    reason: 'Service Unavailable',
    when: 'A dependency failed in a way worth retrying (throttling, contention, a timeout). Sent with `Retry-After`.',
    retryable: true,
    clientAction:
      'Retry after the `Retry-After` seconds, with backoff. Send an `Idempotency-Key` on creates so that a retry can never create twice.',
    text: {
      en: 'The service is temporarily unavailable. Please retry later.',
      ko: '서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    reason: 'Internal Server Error',
    when: 'Anything unexpected. The details are in the server log under the `requestId`.',
    retryable: false,
    clientAction: 'Report the `requestId` to support; retrying may not help.',
    text: { en: 'Internal server error', ko: '내부 서버 오류' },
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof errorCatalog;

/** A text in one language, or in each, picked by the request's language when rendered. */
export type LocalizedText = string | Readonly<Record<Language, string>>;

export function localize(text: LocalizedText, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

/** One reason a request failed, for `errors[]`: a field for validation, an index for batches. */
export interface ErrorDetail {
  field?: string;
  index?: number;
  code?: ErrorCode;
  message: LocalizedText;
}

/**
 * An expected refusal (a *rejection*): the API answers it with the catalog's status and
 * text. Anything thrown that is not an ApiError is an *exception* and answers 500.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    options: { details?: readonly ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(errorCatalog[code].text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** A rejection class that needs nothing but its code. */
function rejection(code: ErrorCode, name: string) {
  return class extends ApiError {
    constructor() {
      super(code);
      this.name = name;
    }
  };
}

export const ProjectNotFoundError = rejection('PROJECT_NOT_FOUND', 'ProjectNotFoundError');
export const RouteNotFoundError = rejection('ROUTE_NOT_FOUND', 'RouteNotFoundError');
export const ProjectVersionConflictError = rejection('PROJECT_VERSION_CONFLICT', 'ProjectVersionConflictError');
export const ProjectNotDeletedError = rejection('PROJECT_NOT_DELETED', 'ProjectNotDeletedError');
export const PreconditionFailedError = rejection('PRECONDITION_FAILED', 'PreconditionFailedError');
export const PayloadTooLargeError = rejection('PAYLOAD_TOO_LARGE', 'PayloadTooLargeError');
export const UnsupportedMediaTypeError = rejection('UNSUPPORTED_MEDIA_TYPE', 'UnsupportedMediaTypeError');

export class ValidationError extends ApiError {
  constructor(details: readonly ErrorDetail[]) {
    super('VALIDATION_FAILED', { details });
    this.name = 'ValidationError';
  }
}

export class MalformedJsonError extends ApiError {
  constructor(cause?: unknown) {
    super('MALFORMED_JSON', { cause });
    this.name = 'MalformedJsonError';
  }
}

export class UnauthorizedError extends ApiError {
  constructor(cause?: unknown) {
    super('UNAUTHORIZED', { cause, headers: { 'www-authenticate': 'Bearer' } });
    this.name = 'UnauthorizedError';
  }
}

export class ProjectTitleConflictError extends ApiError {
  constructor(details?: readonly ErrorDetail[]) {
    super('PROJECT_TITLE_CONFLICT', details ? { details } : {});
    this.name = 'ProjectTitleConflictError';
  }
}

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 1;

export class ServiceUnavailableError extends ApiError {
  constructor(cause?: unknown) {
    super('SERVICE_UNAVAILABLE', { cause, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } });
    this.name = 'ServiceUnavailableError';
  }
}

/** `[Reason Phrase] human text`, the contract's message format. */
export function errorMessage(code: ErrorCode, language: Language): string {
  const entry: CatalogEntry = errorCatalog[code];
  return `[${entry.reason}] ${entry.text[language]}`;
}
