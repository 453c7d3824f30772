import type { MiddlewareObj } from '@middy/core';
import { config } from '../config';
import { createAuthenticator } from './auth';
import type { Event, RequestContext, Result } from './types';

const authenticate = createAuthenticator(config.auth);

/** The owner of the request: the verified token's `sub`, on `request.context.owner`; else 401. */
export function authentication(): MiddlewareObj<Event, Result, Error, RequestContext> {
  return {
    before: async ({ event, context }) => {
      context.owner = await authenticate(event);
    },
  };
}
