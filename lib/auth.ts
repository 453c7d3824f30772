import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { importJWK, type JWK, jwtVerify } from 'jose';
import type { AuthConfig } from './config';
import { UnauthorizedError } from './errors';

/** Owner ids longer than this are refused: keys stay far below DynamoDB's key size limits. */
export const MAX_OWNER_ID_LENGTH = 256;

type Claims = Record<string, unknown>;

function ownerFromClaims(claims: Claims | undefined): string {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_OWNER_ID_LENGTH || !sub.isWellFormed()) {
    throw new UnauthorizedError();
  }
  return sub;
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

/**
 * Builds the function that turns a request into its owner id: the verified token's `sub`,
 * never anything the client chooses otherwise.
 */
export function createAuthenticator(auth: AuthConfig): (event: APIGatewayProxyEventV2) => Promise<string> {
  if (auth.mode === 'gateway') {
    return async (event) => {
      // HTTP API's JWT authorizer has verified signature, expiry, issuer and audience.
      const context = event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } };
      return ownerFromClaims(context.authorizer?.jwt?.claims);
    };
  }
  const jwk = JSON.parse(auth.publicJwk) as JWK;
  const key = importJWK(jwk, 'RS256');
  return async (event) => {
    const header = event.headers?.authorization;
    const match = header === undefined ? null : BEARER.exec(header);
    if (!match?.[1]) throw new UnauthorizedError();
    try {
      const { payload } = await jwtVerify(match[1], await key, {
        issuer: auth.issuer,
        audience: auth.audience,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      });
      return ownerFromClaims(payload);
    } catch (error) {
      if (error instanceof UnauthorizedError) throw error;
      throw new UnauthorizedError(error);
    }
  };
}
