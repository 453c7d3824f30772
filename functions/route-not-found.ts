import { reject } from '../lib/errors/rejections';
import { publicHttpHandler } from '../lib/http/public-handler';
import { allowedMethods } from '../lib/http/routes';
import type { ApiRequest } from '../lib/http/types';

/**
 * The catch-all route, for whatever no other route matches: a known path with a method it
 * does not serve is 405 METHOD_NOT_ALLOWED naming the methods it does (`Allow`); any other
 * path is 404 ROUTE_NOT_FOUND.
 */
async function routeNotFound({ event }: ApiRequest): Promise<never> {
  const allow = allowedMethods(event.rawPath ?? '/');
  if (allow.length > 0) throw reject('METHOD_NOT_ALLOWED', { headers: { allow: allow.join(', ') } });
  throw reject('ROUTE_NOT_FOUND');
}

export const handler = publicHttpHandler(routeNotFound, { route: '$default' });
