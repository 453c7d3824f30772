import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { AuthConfig } from '../config';
import { isRejectionOf, reject } from '../errors/rejections';

/** Owner ids longer than this are refused: keys stay far below DynamoDB's key size limits. */
export const MAX_OWNER_ID_LENGTH = 256;

/** Clock skew tolerated on `exp` and `nbf`, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 5;

type Claims = Record<string, unknown>;

function ownerFromClaims(claims: Claims | undefined): string {
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_OWNER_ID_LENGTH || !sub.isWellFormed()) {
    throw reject('UNAUTHORIZED');
  }
  return sub;
}

const BEARER = /^Bearer +([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+) *$/i;

function decodeJson(part: string): Claims {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  // Stryker disable next-line all: JSON that is not an object fails the algorithm or the expiry check right after, so this only names the reason
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Claims;
}

/**
 * Verifies an RS256 JWT (its three base64url parts) with node:crypto: the signature over
 * header and payload with the one key, the algorithm pinned (no `none`, no HMAC with the
 * public key), `exp` required and in the future, `nbf` (when given, a number) passed, `iss`
 * and `aud` exact. Returns the claims; the error's message says why it refused.
 */
function verifyRs256(
  [header64, payload64, signature64]: readonly [string, string, string],
  key: KeyObject,
  expected: { issuer: string; audience: string },
): Claims {
  const header = decodeJson(header64);
  if (header.alg !== 'RS256') throw new Error('unexpected algorithm');
  // The parts are base64url, ASCII: their UTF-8 bytes are the signed ones.
  const signed = Buffer.from(`${header64}.${payload64}`);
  if (!verify('RSA-SHA256', signed, key, Buffer.from(signature64, 'base64url'))) throw new Error('bad signature');
  const claims = decodeJson(payload64);
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_TOLERANCE_SECONDS <= now) throw new Error('expired');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf - CLOCK_TOLERANCE_SECONDS > now))
    throw new Error('not yet valid');
  if (claims.iss !== expected.issuer) throw new Error('unexpected issuer');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) throw new Error('unexpected audience');
  return claims;
}

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
  const key = createPublicKey({ key: JSON.parse(auth.publicJwk) as JsonWebKey, format: 'jwk' });
  return async (event) => {
    // Stryker disable next-line StringLiteral: any text that is not a bearer token is refused the same
    const match = BEARER.exec(event.headers?.authorization ?? '');
    if (!match) throw reject('UNAUTHORIZED');
    try {
      return ownerFromClaims(verifyRs256(match.slice(1) as [string, string, string], key, auth));
    } catch (error) {
      if (isRejectionOf(error, 'UNAUTHORIZED')) throw error;
      throw reject('UNAUTHORIZED', { cause: error });
    }
  };
}
