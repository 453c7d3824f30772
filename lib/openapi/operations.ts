/** The operations the document describes: one per route of lib/http/routes.ts (a test proves it). */
import type * as z from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_BATCH_SIZE, MAX_PAGE_SIZE } from '../domain/limits';
import type { ErrorCode } from '../errors/catalog';
import { ListProjectsQuery } from '../validation/schemas';
import { type Json, ref } from './shapes';

export interface Route {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  body?: { schema: Json; description: string; example: Json };
  query?: z.core.$ZodType;
  /**
   * The type a query parameter stands for, where it is not text: on the wire every parameter
   * is text, and the schema checks its form; clients (and the typed client) send the value.
   */
  queryTypes?: Record<string, Json>;
  pathId?: boolean;
  headers?: ('Idempotency-Key' | 'If-Match')[];
  success: {
    status: number;
    description: string;
    /** The success envelope's schema, in components; or `content` for a body of another kind. */
    schema?: string;
    content?: Json;
    headers?: string[];
  };
  errors: ErrorCode[];
  public?: boolean;
}

const COMMON: ErrorCode[] = ['UNAUTHORIZED', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR'];
const BODY: ErrorCode[] = ['VALIDATION_FAILED', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

export const routes: Route[] = [
  {
    method: 'post',
    path: '/projects',
    operationId: 'createProject',
    summary: 'Create a project',
    description:
      'A second live project with the same title (after normalization) for the same owner is refused with 409.',
    body: {
      schema: ref('NewProject'),
      description: 'The new project.',
      example: { title: 'Quarterly report', description: 'Figures for Q3, due Friday.' },
    },
    headers: ['Idempotency-Key'],
    success: {
      status: 201,
      description: 'Created.',
      schema: 'ProjectEnvelope',
      headers: ['Location', 'ETag', 'Idempotent-Replayed'],
    },
    errors: [...BODY, 'PROJECT_TITLE_CONFLICT', 'IDEMPOTENCY_KEY_REUSED', ...COMMON],
  },
  {
    method: 'get',
    path: '/projects',
    operationId: 'listProjects',
    summary: 'List projects, newest first',
    query: ListProjectsQuery,
    queryTypes: {
      limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
      deleted: { type: 'boolean', default: false },
    },
    success: { status: 200, description: 'One page.', schema: 'ProjectPageEnvelope' },
    errors: ['VALIDATION_FAILED', ...COMMON],
  },
  {
    method: 'post',
    path: '/projects/batch',
    operationId: 'createProjects',
    summary: `Create 1 to ${MAX_BATCH_SIZE} projects`,
    description:
      '`atomic: true` (default): all in one transaction or none; 201, or 409 with one `errors[]` entry per offending item. `atomic: false`: 200 with `items` and `failures`, each with its `index`.',
    body: {
      schema: ref('BatchCreate'),
      description: 'The projects to create.',
      example: {
        projects: [{ title: 'Roadmap' }, { title: 'Hiring plan', description: 'Two engineers' }],
        atomic: true,
      },
    },
    headers: ['Idempotency-Key'],
    success: {
      status: 201,
      description: 'Created (atomic). With `atomic: false` the answer is 200, BatchReportEnvelope.',
      schema: 'BatchCreatedEnvelope',
      headers: ['Idempotent-Replayed'],
    },
    errors: [...BODY, 'PROJECT_TITLE_CONFLICT', 'IDEMPOTENCY_KEY_REUSED', ...COMMON],
  },
  {
    method: 'get',
    path: '/projects/{id}',
    operationId: 'getProject',
    summary: 'Read a live project',
    pathId: true,
    success: { status: 200, description: 'The project.', schema: 'ProjectEnvelope', headers: ['ETag'] },
    errors: ['PROJECT_NOT_FOUND', ...COMMON],
  },
  {
    method: 'patch',
    path: '/projects/{id}',
    operationId: 'updateProject',
    summary: 'Change the title and/or description',
    description: 'A new title is checked for uniqueness in the same transaction that frees the old one.',
    pathId: true,
    body: {
      schema: ref('ProjectPatch'),
      description: 'At least one of title and description.',
      example: { title: 'Quarterly report (final)', version: 3 },
    },
    headers: ['If-Match'],
    success: { status: 200, description: 'The changed project.', schema: 'ProjectEnvelope', headers: ['ETag'] },
    errors: [
      ...BODY,
      'PROJECT_NOT_FOUND',
      'PROJECT_TITLE_CONFLICT',
      'PROJECT_VERSION_CONFLICT',
      'PRECONDITION_FAILED',
      ...COMMON,
    ],
  },
  {
    method: 'delete',
    path: '/projects/{id}',
    operationId: 'deleteProject',
    summary: 'Soft delete a project, freeing its title',
    pathId: true,
    headers: ['If-Match'],
    success: { status: 204, description: 'Deleted.' },
    errors: ['PROJECT_NOT_FOUND', 'PRECONDITION_FAILED', ...COMMON],
  },
  {
    method: 'post',
    path: '/projects/{id}/restore',
    operationId: 'restoreProject',
    summary: 'Restore a deleted project, if its title is free',
    pathId: true,
    success: { status: 200, description: 'The restored project.', schema: 'ProjectEnvelope', headers: ['ETag'] },
    errors: ['PROJECT_NOT_FOUND', 'PROJECT_NOT_DELETED', 'PROJECT_TITLE_CONFLICT', ...COMMON],
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    public: true,
    success: {
      status: 200,
      description: 'The OpenAPI 3.1 document.',
      content: { 'application/json': { schema: { type: 'object' } } },
    },
    errors: ['INTERNAL_ERROR'],
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getDocs',
    summary: 'This reference, as a page for a browser',
    description: 'An HTML page that renders this document, with everything it needs inlined: it works with no network.',
    public: true,
    success: { status: 200, description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } },
    errors: ['INTERNAL_ERROR'],
  },
];
