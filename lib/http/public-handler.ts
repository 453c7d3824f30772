import { type HandlerOptions, httpChain } from './chain';
import type { ApiRequest, ApiResult } from './types';

/**
 * An endpoint anyone may call, without a token (the OpenAPI document, the catch-all route).
 * A module of its own, so that these functions do not bundle the token check.
 */
export function publicHttpHandler(
  endpoint: (request: ApiRequest) => Promise<ApiResult>,
  options: Pick<HandlerOptions<undefined, undefined>, 'route'>,
) {
  return httpChain(endpoint, options, []);
}
