/**
 * The OpenAPI 3.1 document, generated from the request schemas the functions validate with
 * and from the error catalog they answer with: there is no hand-kept copy to go stale.
 * Served at GET /openapi.json and written to docs/openapi.json by `npm run docs`.
 */
import type { ErrorCode } from '../errors/catalog';
import { errorCatalog } from '../errors/catalog';
import { gatewayAnswers } from '../errors/gateway';
import { errorGuide } from '../errors/guide';
import './schema-docs';
import { BatchCreateBody, CreateProjectBody, UpdateProjectBody } from '../validation/schemas';
import { apiDescription } from './description';
import { type Route, routes } from './operations';
import { failureResponse, headerRefs, responseHeaders, withGatewayAnswers } from './responses';
import {
  BatchCreatedEnvelope,
  BatchReportEnvelope,
  codes,
  ErrorCodeSchema,
  ErrorDetail,
  Failure,
  type Json,
  jsonSchema,
  Problem,
  Project,
  ProjectEnvelope,
  ProjectPageEnvelope,
  ref,
} from './shapes';

export { routes };

function operation(route: Route): Json {
  const parameters: Json[] = [];
  if (route.pathId) parameters.push({ $ref: '#/components/parameters/ProjectId' });
  if (route.query) {
    const schema = jsonSchema(route.query, 'input') as { properties: Record<string, Json> };
    for (const [name, property] of Object.entries(schema.properties)) {
      const { description, ...rest } = property;
      parameters.push({ name, in: 'query', required: false, description, schema: route.queryTypes?.[name] ?? rest });
    }
  }
  for (const header of route.headers ?? []) parameters.push({ $ref: `#/components/parameters/${header}` });
  if (!route.public) parameters.push({ $ref: '#/components/parameters/Accept-Language' });

  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of route.errors) {
    const status = errorCatalog[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, Json> = {
    [route.success.status]: {
      description: route.success.description,
      headers: headerRefs(['x-request-id', ...(route.success.headers ?? [])]),
      ...(route.success.schema ? { content: { 'application/json': { schema: ref(route.success.schema) } } } : {}),
      ...(route.success.content ? { content: route.success.content } : {}),
    },
  };
  if (route.operationId === 'createProjects') {
    responses['200'] = {
      description: 'With `atomic: false`: what was created and why each other item was refused.',
      headers: headerRefs(['x-request-id', 'Idempotent-Replayed']),
      content: { 'application/json': { schema: ref('BatchReportEnvelope') } },
    };
  }
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = failureResponse(status, statusCodes);
  }
  withGatewayAnswers(route, responses);
  const sorted = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.public ? 'meta' : 'projects'],
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            description: route.body.description,
            content: { 'application/json': { schema: route.body.schema, example: route.body.example } },
          },
        }
      : {}),
    responses: sorted,
  };
}

export function openApiDocument(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Projects API',
      version,
      description: apiDescription(),
    },
    servers: [
      // Relative: the API that serves this document, deployed or local (the reference page tries routes there).
      { url: '/', description: 'This API (where this document is served)' },
      { url: 'http://localhost:3000', description: 'The local stack (npm start)' },
    ],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'projects', description: 'The projects of the token’s owner.' },
      { name: 'meta', description: 'About the API.' },
    ],
    paths,
    components: {
      responses: {
        MethodNotAllowed: {
          description: `A path above with a method it does not list: \`METHOD_NOT_ALLOWED\`. ${errorGuide.METHOD_NOT_ALLOWED.when}`,
          headers: headerRefs(['x-request-id', 'Content-Language', 'Allow']),
          content: {
            'application/json': { schema: ref('Failure') },
            'application/problem+json': { schema: ref('Problem') },
          },
        },
        RouteNotFound: {
          description: `Any other path: \`ROUTE_NOT_FOUND\`. ${errorGuide.ROUTE_NOT_FOUND.when}`,
          headers: headerRefs(['x-request-id', 'Content-Language']),
          content: {
            'application/json': { schema: ref('Failure') },
            'application/problem+json': { schema: ref('Problem') },
          },
        },
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The owner is the `sub` claim.',
        },
      },
      parameters: {
        ProjectId: {
          name: 'id',
          in: 'path',
          required: true,
          description: 'A project id. One that cannot exist is answered as a missing project (404).',
          schema: { type: 'string' },
        },
        'Idempotency-Key': {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Makes a retry safe: the same key with the same body replays the first answer (`Idempotent-Replayed: true`); with another body it is 422 IDEMPOTENCY_KEY_REUSED.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
        },
        'If-Match': {
          name: 'If-Match',
          in: 'header',
          required: false,
          description: 'The ETag the change is based on (`"3"`), a list of them, or `*`. A stale one is 412.',
          schema: { type: 'string' },
        },
        'Accept-Language': {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'Korean (`ko`) or English (anything else) for `message`.',
          schema: { type: 'string', examples: ['ko', 'en-US'] },
        },
      },
      headers: responseHeaders,
      schemas: {
        Project: jsonSchema(Project, 'output'),
        NewProject: jsonSchema(CreateProjectBody, 'input'),
        ProjectPatch: {
          ...jsonSchema(UpdateProjectBody, 'input'),
          minProperties: 1,
          description: 'At least one of title and description; `version` alone is not a change.',
        },
        BatchCreate: jsonSchema(BatchCreateBody, 'input'),
        ProjectEnvelope: jsonSchema(ProjectEnvelope, 'output'),
        ProjectPageEnvelope: jsonSchema(ProjectPageEnvelope, 'output'),
        BatchCreatedEnvelope: jsonSchema(BatchCreatedEnvelope, 'output'),
        BatchReportEnvelope: jsonSchema(BatchReportEnvelope, 'output'),
        ErrorCode: {
          ...jsonSchema(ErrorCodeSchema, 'output'),
          'x-error-catalog': Object.fromEntries(
            codes.map((code) => {
              const entry = errorCatalog[code];
              return [
                code,
                {
                  status: entry.status,
                  when: errorGuide[code].when,
                  retryable: errorGuide[code].retryable,
                  en: entry.text.en,
                  ko: entry.text.ko,
                },
              ];
            }),
          ),
        },
        ErrorDetail: jsonSchema(ErrorDetail, 'output'),
        Failure: jsonSchema(Failure, 'output'),
        Problem: jsonSchema(Problem, 'output'),
        GatewayMessage: {
          type: 'object',
          properties: { message: { type: 'string', enum: gatewayAnswers.map(({ message }) => message) } },
          required: ['message'],
          additionalProperties: false,
          description:
            'An answer API Gateway gives itself, before or instead of a function: no `code`, no `requestId` (its id is the `apigw-requestid` header). The typed client reads each as the catalog code its status stands for.',
        },
      },
    },
  };
}
