import { type HandlerOptions, httpChain } from './chain';
import type { Answer, ApiRequest } from './types';

/**
 * An endpoint anyone may call, without a token (the OpenAPI document, the catch-all route).
 * A module of its own, so that these functions do not bundle the token check.
 */
export function publicHttpHandler(
  endpoint: (request: ApiRequest) => Promise<Answer>,
  options: Pick<HandlerOptions<undefined, undefined>, 'route'>,
) {
  return httpChain(endpoint, options, []);
}
