/**
 * The error catalog: every code the API can answer with, its HTTP status and reason phrase,
 * and its text in English and Korean. A code is a promise to clients: it never changes
 * meaning once published. What the docs say of each code (when, retry, what to do) lives
 * beside it in `guide.ts`, which only the docs import, so it stays out of the functions.
 */

export type Language = 'en' | 'ko';

export interface CatalogEntry {
  readonly status: number;
  /** The HTTP reason phrase, the `[...]` prefix of every message. */
  readonly reason: string;
  readonly text: Translations;
}

export const errorCatalog = {
  VALIDATION_FAILED: {
    status: 400,
    reason: 'Bad Request',
    text: { en: 'The request is invalid.', ko: '요청이 올바르지 않습니다.' },
  },
  MALFORMED_JSON: {
    status: 400,
    reason: 'Bad Request',
    text: { en: 'The request body is not valid JSON.', ko: '요청 본문이 올바른 JSON이 아닙니다.' },
  },
  UNAUTHORIZED: {
    status: 401,
    reason: 'Unauthorized',
    text: { en: 'A valid bearer token is required.', ko: '유효한 인증 토큰이 필요합니다.' },
  },
  PROJECT_NOT_FOUND: {
    status: 404,
    reason: 'Not Found',
    text: { en: 'The project does not exist.', ko: '프로젝트가 존재하지 않습니다.' },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    reason: 'Not Found',
    text: {
      en: 'No route matches the request method and path.',
      ko: '요청한 메서드와 경로에 해당하는 API가 없습니다.',
    },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    reason: 'Method Not Allowed',
    text: {
      en: 'The path does not support this method.',
      ko: '이 경로는 요청한 메서드를 지원하지 않습니다.',
    },
  },
  PROJECT_TITLE_CONFLICT: {
    status: 409,
    reason: 'Conflict',
    text: { en: 'A project with the same title already exists.', ko: '동일한 이름의 프로젝트가 이미 존재합니다.' },
  },
  PROJECT_VERSION_CONFLICT: {
    status: 409,
    reason: 'Conflict',
    text: { en: 'The project has been changed since that version.', ko: '해당 버전 이후에 프로젝트가 변경되었습니다.' },
  },
  PROJECT_NOT_DELETED: {
    status: 409,
    reason: 'Conflict',
    text: { en: 'The project is not deleted.', ko: '삭제되지 않은 프로젝트입니다.' },
  },
  PRECONDITION_FAILED: {
    status: 412,
    reason: 'Precondition Failed',
    text: {
      en: 'The project does not match the If-Match precondition.',
      ko: '프로젝트가 If-Match 조건과 일치하지 않습니다.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    reason: 'Payload Too Large',
    text: { en: 'The request body is larger than 256 KiB.', ko: '요청 본문이 256 KiB보다 큽니다.' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    reason: 'Unsupported Media Type',
    text: { en: 'The request body must be application/json.', ko: '요청 본문은 application/json 형식이어야 합니다.' },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    reason: 'Unprocessable Entity',
    text: {
      en: 'This Idempotency-Key was already used with a different request.',
      ko: '이 Idempotency-Key는 이미 다른 요청에 사용되었습니다.',
    },
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    reason: 'Too Many Requests',
    text: {
      en: 'Too many requests. Please retry later.',
      ko: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    reason: 'Service Unavailable',
    text: {
      en: 'The service is temporarily unavailable. Please retry later.',
      ko: '서비스를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    reason: 'Internal Server Error',
    text: { en: 'Internal server error', ko: '내부 서버 오류' },
  },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof errorCatalog;

/** The text of a batch item's PROJECT_TITLE_CONFLICT when an earlier item of the batch has the same title. */
export const REPEATED_IN_BATCH = {
  en: 'Another project of this batch has the same title.',
  ko: '이 요청의 다른 프로젝트와 이름이 같습니다.',
} as const;

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 1;

/** A text in one language, or in each, picked by the request's language when rendered. */
/** A text in every language of the API. */
export type Translations = Readonly<Record<Language, string>>;

/** A text in every language, or one text for all (a field name, say). */
export type LocalizedText = string | Translations;

export function localize(text: LocalizedText, language: Language): string {
  return typeof text === 'string' ? text : text[language];
}

/** `[Reason Phrase] human text`, the contract's message format. */
export function errorMessage(code: ErrorCode, language: Language): string {
  const entry: CatalogEntry = errorCatalog[code];
  return `[${entry.reason}] ${entry.text[language]}`;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalog, value);
}
