import { type HandlerOptions, httpChain } from './chain';
import { authentication } from './middlewares/authentication';
import type { Answer, ApiRequest } from './types';

/** An endpoint of the API behind a bearer token: the owner is the verified token's `sub`. */
export function httpHandler<B = undefined, Q = undefined>(
  endpoint: (request: ApiRequest<B, Q>) => Promise<Answer>,
  options: HandlerOptions<B, Q>,
) {
  return httpChain(endpoint, options, [authentication()]);
}
