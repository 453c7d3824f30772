import type { MiddlewareObj } from '@middy/core';
import { reject } from '../../errors/rejections';
import type { Event, ProxyResult, RequestContext } from '../types';

/** Owner ids longer than this are refused: keys stay far below DynamoDB's key size limits. */
export const MAX_OWNER_ID_LENGTH = 256;

/**
 * The owner of the request: the `sub` claim that API Gateway's JWT authorizer verified and
 * passed on (payload 2.0: `requestContext.authorizer.jwt.claims`), locally as deployed. The
 * function never reads the token: a route without the authorizer has no owner, and is 401.
 */
export function ownerOf(event: Event): string {
  const context = event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
  const sub = context.authorizer?.jwt?.claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_OWNER_ID_LENGTH || !sub.isWellFormed()) {
    throw reject('UNAUTHORIZED');
  }
  return sub;
}

/** The owner of the request on `request.context.owner`; else 401. */
export function authentication(): MiddlewareObj<Event, ProxyResult, Error, RequestContext> {
  return {
    before: async ({ event, context }) => {
      context.owner = ownerOf(event);
    },
  };
}
