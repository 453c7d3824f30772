/** The shapes of the answers (what the functions send; tests validate real answers against them). */
import * as z from 'zod';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '../domain/limits';
import { type ErrorCode, errorCatalog } from '../errors/catalog';

export type Json = Record<string, unknown>;

export function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

// ---------------------------------------------------------------------------------------
// Response shapes (what the functions answer; tests validate real answers against them)

export const Project = z
  .object({
    id: z.string().meta({ description: 'Server-generated, opaque (a ULID).' }),
    title: z.string().meta({
      maxLength: 3 * TITLE_MAX_LENGTH,
      description: `As stored: trimmed and in Unicode NFC. NFC can write one code point as up to three (U+FB2C), so a title sent with ${TITLE_MAX_LENGTH} code points can be stored with more.`,
    }),
    description: z.string().meta({ maxLength: DESCRIPTION_MAX_LENGTH }),
    version: z.number().int().min(1).meta({ description: 'Starts at 1 and grows by one on every change.' }),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
    deletedAt: z.string().nullable().meta({ format: 'date-time', description: 'Null while the project is live.' }),
  })
  .meta({ description: 'A project.' });

export const success = (data: z.ZodType) => z.object({ status: z.literal('Success'), data });
export const projectRef = z.unknown().meta(ref('Project'));

export const ProjectEnvelope = success(projectRef);
export const ProjectPageEnvelope = success(
  z.object({
    items: z.array(projectRef),
    nextCursor: z.string().nullable().meta({ description: 'Null on the last page.' }),
  }),
);
export const BatchCreatedEnvelope = success(
  z.object({ items: z.array(projectRef).meta({ description: 'In request order.' }) }),
);

export const codes = Object.keys(errorCatalog) as ErrorCode[];
export const ErrorCodeSchema = z.enum(codes as [ErrorCode, ...ErrorCode[]]).meta({
  description: 'A stable error code from the catalog (docs/errors.md). Branch on it, never on `message`.',
});
export const codeRef = z.unknown().meta(ref('ErrorCode'));

export const ErrorDetail = z.object({
  field: z.string().optional().meta({ description: 'The field that failed validation (`projects.2.title`).' }),
  index: z.number().int().min(0).optional().meta({ description: 'The batch item concerned.' }),
  code: codeRef.optional(),
  message: z.string(),
});
export const detailsRef = z.array(z.unknown().meta(ref('ErrorDetail'))).optional();

export const BatchReportEnvelope = success(
  z.object({
    items: z.array(z.object({ index: z.number().int().min(0), project: projectRef })),
    failures: z.array(
      z.object({
        index: z.number().int().min(0),
        code: codeRef,
        message: z.string(),
        errors: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
      }),
    ),
  }),
);

export const Failure = z
  .object({
    status: z.literal('Failed'),
    code: codeRef,
    message: z.string().meta({ description: '`[<HTTP reason phrase>] <text>`, in the language of Accept-Language.' }),
    requestId: z.string().meta({ description: 'Also in `x-request-id` and in the server log line of the request.' }),
    errors: detailsRef,
  })
  .meta({ description: 'The failure envelope of every 4xx and 5xx the API itself produces.' });

export const Problem = z
  .object({
    type: z.string().meta({ format: 'uri-reference' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: codeRef,
    requestId: z.string(),
    errors: detailsRef,
  })
  .meta({ description: 'RFC 9457 problem details, sent for `Accept: application/problem+json`.' });
