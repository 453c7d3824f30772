/**
 * The prose at the top of the OpenAPI document (`info.description`), which the reference page
 * (`GET /docs`) shows first: what the API is, how to authenticate, how to retry safely with
 * `Idempotency-Key`, how to change safely with `If-Match`, and the whole error catalog with
 * both texts. Build time only, like the rest of lib/openapi.
 */

import { MAX_BODY_BYTES } from '../domain/limits';
import { RETRY_AFTER_SECONDS } from '../errors/catalog';
import { gatewayAnswers } from '../errors/gateway';
import { documentedCatalog } from '../errors/guide';
import { RECORD_TTL_SECONDS } from '../idempotency/record';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown's `code` spans as HTML, for text inside an HTML block (where Markdown is not read). */
export const inlineHtml = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/**
 * The catalog as an HTML table: the reference renders CommonMark, which has no tables, and
 * lets HTML through. One line per row, no blank line: a blank line would end the HTML block.
 */
export function catalogTable(): string {
  const head = ['code', 'status', 'when', 'retry?', 'what to do', 'English', 'Korean'];
  const rows = documentedCatalog().map(([code, entry]) => {
    const cells = [
      `<code>${code}</code>`,
      `${entry.status} ${entry.reason}`,
      inlineHtml(entry.when),
      entry.retryable ? 'yes' : 'no',
      inlineHtml(entry.clientAction),
      `[${entry.reason}] ${escapeHtml(entry.text.en)}`,
      `<span lang="ko">[${entry.reason}] ${escapeHtml(entry.text.ko)}</span>`,
    ];
    return `<tr id="error-${code}">${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  });
  return [
    '<table>',
    `<thead><tr>${head.map((name) => `<th>${name}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** The answers API Gateway gives itself, as an HTML table (see catalogTable). */
function gatewayTable(): string {
  const rows = gatewayAnswers.map(
    ({ status, message, code, when }) =>
      `<tr><td>${status}</td><td><code>{"message":"${message}"}</code></td><td><code>${code}</code></td><td>${inlineHtml(when)}</td></tr>`,
  );
  return [
    '<table>',
    '<thead><tr><th>status</th><th>body</th><th>read as</th><th>when</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
  ].join('\n');
}

export function apiDescription(): string {
  return [
    'Users own projects with titles. A second live project with the same title for the same owner is refused with `409 PROJECT_TITLE_CONFLICT`.',
    'The owner is the `sub` of the bearer token. A project of another owner answers exactly as a missing one (`404 PROJECT_NOT_FOUND`).',
    `Every failure is the \`Failure\` envelope (or \`Problem\` for \`Accept: application/problem+json\`) with a stable \`code\`; a path listed here with a method it does not list answers \`405 METHOD_NOT_ALLOWED\` with \`Allow\`, and any other path \`404 ROUTE_NOT_FOUND\`. Bodies over ${MAX_BODY_BYTES / 1024} KiB are \`413\`.`,
    `An \`Idempotency-Key\` is remembered for at least ${RECORD_TTL_SECONDS / 3600} hours, per owner.`,
    '## Authentication',
    'Send `Authorization: Bearer <JWT>` on every route but `GET /openapi.json` and `GET /docs`. API Gateway’s JWT authorizer checks it before any function runs: an ID token whose `aud` is the API’s app client, or an access token (no `aud`) whose `client_id` is. The owner of the projects is the token’s `sub` claim and nothing else. Locally, `npm run -s token -- <userId>` prints a token the local stack accepts for 12 hours (`--access` for the access-token form); paste it under **Authorize** to try the routes from this page. A missing, expired or foreign token is API Gateway’s `401 {"message":"Unauthorized"}` with `WWW-Authenticate`.',
    '## Answers of API Gateway itself',
    'Some answers come from API Gateway, not from a function: their body is `{"message": "…"}`, with no `code` and no `requestId` (the `apigw-requestid` header names the request). Each stands for a code of the catalog, which the typed client gives you:',
    gatewayTable(),
    '## Retrying safely: `Idempotency-Key`',
    'Send an `Idempotency-Key` (1 to 255 printable ASCII characters, a UUID for instance) with `POST /projects` and `POST /projects/batch`, and send the same key again when you retry. The same key with the same body returns the first answer byte for byte with `Idempotent-Replayed: true` and writes nothing, even when the first request is still running or the connection dropped after the write: a retry can never create twice. The same key with another body is `422 IDEMPOTENCY_KEY_REUSED`.',
    `Retry only \`503 SERVICE_UNAVAILABLE\` and \`429 TOO_MANY_REQUESTS\`, after the \`Retry-After\` seconds where one is sent (${RETRY_AFTER_SECONDS} now) and with a growing delay. API Gateway’s own \`503\` (no answer within its 30 s) may come after the work was done: retry it only with the same \`Idempotency-Key\`, or a change with \`If-Match\`.`,
    '## Changing safely: `ETag` and `If-Match`',
    'Every answer that carries one project sends its version as `ETag: "<version>"`. Send it back as `If-Match` with `PATCH` or `DELETE`: if someone changed the project in between, the answer is `412 PRECONDITION_FAILED` and nothing changes; read the project again and reapply your change. (`PATCH` also accepts the `version` in its body, answered `409 PROJECT_VERSION_CONFLICT` when stale.)',
    '## Errors',
    'Branch on `code`, never on `message`: a code never changes meaning once published. `message` is `[<reason phrase>] <text>`, in Korean for `Accept-Language: ko` and in English otherwise. Quote `requestId` to support: it names the server’s log line of the request.',
    catalogTable(),
  ].join('\n\n');
}
