import { version } from '../../package.json';
import { RETRY_AFTER_SECONDS } from '../errors/catalog';
import { gatewayAnswers } from '../errors/gateway';
import { documentedCatalog } from '../errors/guide';
import { openApiDocument } from './index';

export function renderOpenApiJson(): string {
  return `${JSON.stringify(openApiDocument(version), null, 2)}\n`;
}

/** The typed client's types (client/schema.d.ts): openapi-typescript over the document. */
export async function renderClientTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  // A field with a default is optional to send (`description`, `atomic`): not made required.
  const ast = await openapiTS(JSON.parse(renderOpenApiJson()) as Parameters<typeof openapiTS>[0], {
    defaultNonNullable: false,
  });
  return [
    '/**',
    ' * Generated from docs/openapi.json by openapi-typescript (`npm run docs`); do not edit by hand.',
    ' * A test fails when it differs from what the document generates.',
    ' */',
    '',
    astToString(ast),
  ].join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderErrorsMarkdown(): string {
  const lines = [
    '# Error catalog',
    '',
    '<!-- Generated from lib/errors/catalog.ts and lib/errors/guide.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every failure the API produces is `{ "status": "Failed", "code", "message", "requestId", "errors"? }`',
    '(or RFC 9457 problem details for `Accept: application/problem+json`). `message` is',
    '`[<HTTP reason phrase>] <text>`, the text in Korean for `Accept-Language: ko` and in English',
    'otherwise. Branch on `code`: it never changes meaning once published.',
    '',
    `Retry only the codes marked retryable, after \`Retry-After\` seconds (${RETRY_AFTER_SECONDS} now) and`,
    'with backoff; send an `Idempotency-Key` on creates so that a retry can never create twice. API',
    'Gateway’s own `503` may come after the work was done: retry it only with the same key, or a',
    'change with `If-Match` (the typed client retries it for reads and keyed creates alone).',
    'Quote `requestId` to support: it names the server log line of the request.',
    '',
    '| code | status | when | retry? | what to do | English | Korean |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [code, entry] of documentedCatalog()) {
    lines.push(
      `| \`${code}\` | ${entry.status} ${entry.reason} | ${cell(entry.when)} | ${entry.retryable ? 'yes' : 'no'} | ${cell(entry.clientAction)} | [${entry.reason}] ${cell(entry.text.en)} | [${entry.reason}] ${cell(entry.text.ko)} |`,
    );
  }
  lines.push(
    '',
    '## Answers of API Gateway itself',
    '',
    'Deployed, API Gateway answers some requests without a function, with its own body',
    '`{"message":"…"}`: no `code`, no `requestId` (its `apigw-requestid` header names the request in',
    'the access log), the same in every language. The local stack gives them exactly so. The typed',
    'client reads each as the code below, marked as the gateway’s (`error.source: "gateway"`), and',
    'retries `429` and `503` with backoff.',
    '',
    '| status | body | read as | when |',
    '| --- | --- | --- | --- |',
    ...gatewayAnswers.map(
      ({ status, message, code, when }) => `| ${status} | \`{"message":"${message}"}\` | \`${code}\` | ${cell(when)} |`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
