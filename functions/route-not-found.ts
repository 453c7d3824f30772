import { reject } from '../lib/errors/rejections';
import { httpHandler } from '../lib/http/handler';

/** The catch-all route: whatever no other route matches is a 404 ROUTE_NOT_FOUND. */
async function routeNotFound(): Promise<never> {
  throw reject('ROUTE_NOT_FOUND');
}

export const handler = httpHandler(routeNotFound, { route: '$default', auth: false });
