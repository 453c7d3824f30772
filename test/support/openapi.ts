/**
 * Checks real answers against docs/openapi.json: the response schema that the document gives
 * for the operation, status and content type must accept the body the function sent.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../lib/openapi';
import type { Reply } from './lambda';

const DOC_ID = 'https://projects-api.local/openapi.json';
const document = openApiDocument('test') as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: (document as unknown as { components: unknown }).components });

function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${DOC_ID}${value}` : rebase(value),
      ]),
    );
  }
  return schema;
}

/** Fails unless the document describes this answer to `method path` exactly. */
export function expectDocumented(method: string, path: string, reply: Reply): void {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the OpenAPI document`);
  const response = operation.responses[String(reply.status)];
  if (!response) throw new Error(`${method} ${path} does not document status ${reply.status}`);
  if (!response.content) {
    expect(reply.body).toBe('');
    return;
  }
  const mediaType = (reply.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const content = response.content[mediaType];
  if (!content) throw new Error(`${method} ${path} ${reply.status} does not document ${mediaType}`);
  const validate = ajv.compile(rebase(content.schema) as object);
  if (!validate(reply.json)) {
    throw new Error(
      `${method} ${path} ${reply.status}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${reply.body}`,
    );
  }
}
