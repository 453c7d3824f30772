/**
 * API Gateway's JWT authorizer, as the HTTP API runs it before the function of a route that
 * names it (`authorizer: jwt` in serverless.yml). The verification is jose's; the rules around
 * it are API Gateway's ("Controlling access to HTTP APIs with JWT authorizers"):
 *
 * - the token is the identity source's value (`Authorization`), a leading `Bearer ` removed;
 *   no value at all is refused with a bare `www-authenticate: Bearer`;
 * - a signature by the issuer's key that the header's `kid` names, RS256 only; `iss` the
 *   configured issuer;
 * - `aud` one of the configured audiences or, when the token has no `aud`, `client_id` (a
 *   Cognito access token); when both are present, `aud` decides;
 * - `exp` present and in the future, `nbf` and `iat` (when present) in the past;
 * - on a route with authorization scopes, one of them in the token's `scope` (or `scp`);
 * - the claims reach the function in `requestContext.authorizer.jwt`, each value as text.
 *
 * A refusal is API Gateway's own answer (see gatewayAnswer): `401 {"message":"Unauthorized"}`,
 * or `403 {"message":"Forbidden"}` for a missing scope, with the `www-authenticate` header that
 * says why; the function never runs. AWS documents the description of a foreign audience, and
 * users have seen the one of a token that is no JWT; the other descriptions are ours
 * (docs/local-stack.md). Clients read the status, never the description.
 */
import { createLocalJWKSet, decodeProtectedHeader, errors, type JWK, type JWTPayload, jwtVerify } from 'jose';

export interface JwtAuthorizerSettings {
  issuer: string;
  audience: readonly string[];
  /** The issuer's public keys (its JWKS). */
  keys: readonly JWK[];
}

/** What payload format 2.0 passes to the function in `requestContext.authorizer.jwt`. */
export interface JwtContext {
  claims: Record<string, string>;
  scopes: string[] | null;
}

export type Authorization = { ok: true; jwt: JwtContext } | { ok: false; status: 401 | 403; wwwAuthenticate: string };

/** `www-authenticate` of a refused token, as API Gateway words it. */
const invalidToken = (description: string) =>
  `Bearer scope="" error="invalid_token" error_description="${description}"`;

/** A claim's value as API Gateway passes it on: text, a list as `[a b]`. */
function claimText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(claimText).join(' ')}]`;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The scopes a token grants: its `scope` claim, space-separated, or an `scp` list. */
function scopesOf(claims: JWTPayload): string[] {
  const { scope, scp } = claims as { scope?: unknown; scp?: unknown };
  if (typeof scope === 'string') return scope.split(' ').filter((part) => part !== '');
  if (Array.isArray(scp)) return scp.map(String);
  return [];
}

/** Why jose refused a token, in the words of API Gateway's `error_description`. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'the token does not have a valid issuer';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    if (error.claim === 'exp') return 'the token does not have an expiration';
    return `the token's ${error.claim} claim is invalid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'signing method is invalid';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return 'the token signature is invalid';
  return 'the token is malformed';
}

/** The authorizer: a request's identity-source value (and the route's scopes) to its verdict. */
export function jwtAuthorizer(settings: JwtAuthorizerSettings) {
  const keySet = createLocalJWKSet({ keys: [...settings.keys] });
  return async (identity: string | undefined, routeScopes: readonly string[] = []): Promise<Authorization> => {
    if (identity === undefined || identity.trim() === '') return { ok: false, status: 401, wwwAuthenticate: 'Bearer' };
    const token = identity.replace(/^Bearer /i, '').trim();
    if (token.split('.').length !== 3) {
      return { ok: false, status: 401, wwwAuthenticate: invalidToken('token contains an invalid number of segments') };
    }
    let claims: JWTPayload;
    try {
      // jose would try the one key of a set for a token without `kid`; API Gateway needs it.
      if (typeof decodeProtectedHeader(token).kid !== 'string') {
        return { ok: false, status: 401, wwwAuthenticate: invalidToken('the token has no key id') };
      }
      ({ payload: claims } = await jwtVerify(token, keySet, {
        algorithms: ['RS256'],
        issuer: settings.issuer,
        requiredClaims: ['exp'],
        // No clock skew allowed: AWS documents none.
        currentDate: new Date(Date.now()),
      }));
    } catch (error) {
      return { ok: false, status: 401, wwwAuthenticate: invalidToken(describe(error)) };
    }
    if (typeof claims.iat === 'number' && claims.iat > Date.now() / 1000) {
      return { ok: false, status: 401, wwwAuthenticate: invalidToken('the token was issued in the future') };
    }
    const audiences = claims.aud === undefined ? [] : [claims.aud].flat();
    const accepted =
      claims.aud !== undefined
        ? audiences.some((aud) => settings.audience.includes(aud))
        : typeof claims.client_id === 'string' && settings.audience.includes(claims.client_id);
    if (!accepted) {
      return { ok: false, status: 401, wwwAuthenticate: invalidToken('the token does not have a valid audience') };
    }
    const granted = scopesOf(claims);
    if (routeScopes.length > 0 && !routeScopes.some((scope) => granted.includes(scope))) {
      return {
        ok: false,
        status: 403,
        wwwAuthenticate: `Bearer scope="${routeScopes.join(' ')}" error="insufficient_scope" error_description="expected scopes: [${routeScopes.join(' ')}]"`,
      };
    }
    return {
      ok: true,
      jwt: {
        claims: Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, claimText(value)])),
        scopes: routeScopes.length > 0 ? granted : null,
      },
    };
  };
}
