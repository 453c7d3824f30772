import { authentication } from './authentication';
import { type HandlerOptions, httpChain } from './chain';
import type { ApiRequest, ApiResult } from './types';

/** An endpoint of the API behind a bearer token: the owner is the verified token's `sub`. */
export function httpHandler<B = undefined, Q = undefined>(
  endpoint: (request: ApiRequest<B, Q>) => Promise<ApiResult>,
  options: HandlerOptions<B, Q>,
) {
  return httpChain(endpoint, options, [authentication()]);
}
