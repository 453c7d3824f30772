/** The responses of an operation: the function's failures by status, and API Gateway's own answers. */
import type { ErrorCode } from '../errors/catalog';
import { gatewayAnswers } from '../errors/gateway';
import { errorGuide } from '../errors/guide';
import type { Route } from './operations';
import { type Json, ref } from './shapes';

export const responseHeaders: Record<string, Json> = {
  'x-request-id': { description: 'The request id, as in the body and the server log.', schema: { type: 'string' } },
  'Content-Language': { description: '`en` or `ko`, for failures.', schema: { type: 'string', enum: ['en', 'ko'] } },
  Location: { description: 'The path of the created project.', schema: { type: 'string' } },
  ETag: { description: 'The project version, as `"<version>"`.', schema: { type: 'string' } },
  'Idempotent-Replayed': {
    description: '`true` when the answer is the replay of an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
  'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
  'WWW-Authenticate': {
    description:
      'API Gateway’s challenge: `Bearer` without a token, else `Bearer scope="" error="invalid_token" error_description="…"` saying why the token was refused.',
    schema: { type: 'string' },
  },
  'apigw-requestid': {
    description: 'API Gateway’s id of the request, on every answer; the access log names it.',
    schema: { type: 'string' },
  },
  Allow: { description: 'The methods the path supports, such as `GET, PATCH, DELETE`.', schema: { type: 'string' } },
};

export const headerRefs = (names: string[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

export function failureResponse(status: number, codes: ErrorCode[]): Json {
  const extra = status === 503 ? ['Retry-After'] : status === 401 ? ['WWW-Authenticate'] : [];
  const narrowed = (schema: string) => ({
    allOf: [ref(schema), { type: 'object', properties: { code: { enum: codes } } }],
  });
  return {
    description: codes.map((code) => `\`${code}\`: ${errorGuide[code].when}`).join('\n\n'),
    headers: headerRefs(['x-request-id', 'Content-Language', ...extra]),
    content: {
      'application/json': { schema: narrowed('Failure') },
      'application/problem+json': { schema: narrowed('Problem') },
    },
  };
}

/**
 * Adds the answers API Gateway gives itself to an operation's responses: a status the function
 * answers too takes either body (`oneOf`), another is the gateway's alone. The `401` is only for
 * a route behind the JWT authorizer.
 */
export function withGatewayAnswers(route: Route, responses: Record<string, Json>): void {
  for (const { status, message, when } of gatewayAnswers) {
    if (status === 401 && route.public) continue;
    const gateway = { $ref: '#/components/schemas/GatewayMessage' };
    const extra = status === 401 ? ['WWW-Authenticate'] : [];
    const description = `From API Gateway, \`{"message":"${message}"}\`: ${when}`;
    const own = responses[status] as
      | { description: string; headers: Json; content: Record<string, { schema: Json }> }
      | undefined;
    if (!own) {
      responses[status] = {
        description,
        headers: headerRefs(['apigw-requestid', ...extra]),
        content: { 'application/json': { schema: gateway } },
      };
      continue;
    }
    const json = own.content['application/json'] as { schema: Json };
    own.description = `${own.description}\n\n${description}`;
    own.headers = { ...own.headers, ...headerRefs(['apigw-requestid']) };
    json.schema = { oneOf: [json.schema, gateway] };
  }
}
