import { RouteNotFoundError } from '../lib/errors';
import { httpHandler } from '../lib/http';

/** The catch-all route: whatever no other route matches is a 404 ROUTE_NOT_FOUND. */
async function routeNotFound(): Promise<never> {
  throw new RouteNotFoundError();
}

export const handler = httpHandler(routeNotFound, { route: '$default', auth: false });
