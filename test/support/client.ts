/**
 * The typed client (client/) as the end-to-end tests use it: every answer it receives must be
 * one the OpenAPI document describes (status, content type, body schema), or the call fails.
 * So a change of the API that the document does not describe breaks the tests.
 */
import { createProjectsClient, type Result, type RetryPolicy } from '../../client';
import { expectDocumented } from './openapi';

export function documentedClient(baseUrl: string, token?: string, retry?: Partial<RetryPolicy>) {
  const client = createProjectsClient({
    baseUrl,
    ...(token !== undefined ? { token } : {}),
    ...(retry ? { retry } : {}),
  });
  client.api.use({
    async onResponse({ request, response, schemaPath }) {
      const body = await response.clone().text();
      let json: unknown;
      try {
        json = body === '' ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      expectDocumented(request.method, schemaPath, {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body,
        json,
      });
      return response;
    },
  });
  return client;
}

/** The data of a success; fails the test, with the API's error, otherwise. */
export function dataOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a success, got ${result.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The code of a failure; fails the test otherwise. */
export function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${result.status} ${JSON.stringify(result.data)}`);
  return result.error;
}
