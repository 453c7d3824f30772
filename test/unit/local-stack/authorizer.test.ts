/**
 * The local stack's JWT authorizer (local-stack/authorizer.ts): what API Gateway's HTTP API
 * accepts, what it refuses, and the claims it passes on.
 */
import { createPrivateKey, type JsonWebKey, sign } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { type Authorization, jwtAuthorizer } from '../../../local-stack/authorizer';
import { generateKeys, localAuthParams, signToken } from '../../../local-stack/local-tokens';

type Keys = Awaited<ReturnType<typeof generateKeys>>;

const params = localAuthParams();
const audience = params.audience[0] ?? '';
const invalidToken = (description: string) =>
  `Bearer scope="" error="invalid_token" error_description="${description}"`;

let keys: Keys;
let otherKeys: Keys;
let authorize: ReturnType<typeof jwtAuthorizer>;

beforeAll(async () => {
  keys = await generateKeys();
  otherKeys = await generateKeys();
  authorize = jwtAuthorizer({ ...params, keys: [keys.publicJwk] });
});

const bearer = (token: string) => authorize(`Bearer ${token}`);
/** The sub of an accepted token, or the refusal's status and header. */
const verdict = (authorization: Authorization) =>
  authorization.ok
    ? { sub: authorization.jwt.claims.sub }
    : { status: authorization.status, wwwAuthenticate: authorization.wwwAuthenticate };
const refusedAs = (description: string) => ({ status: 401, wwwAuthenticate: invalidToken(description) });

/** An RS256 token of the local key with the given claims; no expiry unless given. */
async function rs256(claims: Record<string, unknown>, options: { audience?: string | string[]; expiry?: string }) {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
    .setSubject('alice')
    .setIssuer(params.issuer)
    .setAudience(options.audience ?? audience);
  if (options.expiry) jwt = jwt.setExpirationTime(options.expiry);
  return jwt.sign(await importJWK(keys.privateJwk, 'RS256'));
}

/** A token signed with the local key whatever its header says (jose refuses to sign a lie). */
function signedAs(header: Record<string, unknown>, claims: Record<string, unknown>) {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ kid: keys.kid, ...header })}.${part(claims)}`;
  const key = createPrivateKey({ key: keys.privateJwk as JsonWebKey, format: 'jwk' });
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`;
}

const claimsFor = (extra: Record<string, unknown> = {}) => ({
  sub: 'alice',
  iss: params.issuer,
  aud: audience,
  exp: Math.floor(Date.now() / 1000) + 3600,
  ...extra,
});

describe('the JWT authorizer', () => {
  it('accepts an ID token of the local key, and passes its claims on as text', async () => {
    const result = await bearer(await signToken('alice', { keys }));
    if (!result.ok) throw new Error('refused');
    expect(result.jwt.scopes).toBeNull();
    expect(result.jwt.claims).toMatchObject({ sub: 'alice', iss: params.issuer, aud: audience, token_use: 'id' });
    expect(result.jwt.claims.exp).toMatch(/^\d+$/);
  });

  it('accepts an access token: no aud, the audience as its client_id', async () => {
    const result = await bearer(await signToken('alice', { keys, kind: 'access' }));
    if (!result.ok) throw new Error('refused');
    expect(result.jwt.claims).toMatchObject({ sub: 'alice', client_id: audience, token_use: 'access' });
    expect(result.jwt.claims.aud).toBeUndefined();
  });

  it('refuses an access token of another client', async () => {
    const token = await signToken('alice', { keys, kind: 'access', audience: 'another-client' });
    expect(verdict(await bearer(token))).toEqual(refusedAs('the token does not have a valid audience'));
  });

  it('decides by aud when a token has both aud and client_id', async () => {
    const foreignAud = await rs256({ client_id: audience }, { audience: 'another-api', expiry: '1h' });
    expect(verdict(await bearer(foreignAud))).toEqual(refusedAs('the token does not have a valid audience'));
    const ownAud = await rs256({ client_id: 'another-client' }, { expiry: '1h' });
    expect(verdict(await bearer(ownAud))).toEqual({ sub: 'alice' });
  });

  it('takes the token with or without the Bearer scheme, in any letter case, with spaces around it', async () => {
    const token = await signToken('alice', { keys });
    expect(verdict(await authorize(`bearer ${token}`))).toEqual({ sub: 'alice' });
    expect(verdict(await authorize(token))).toEqual({ sub: 'alice' });
    expect(verdict(await authorize(`Bearer   ${token}  `))).toEqual({ sub: 'alice' });
  });

  it('allows no clock skew: a token expired a second ago is refused, one valid from a second ago taken', async () => {
    const now = 1_900_000_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now * 1000);
    try {
      const at = (claims: Record<string, unknown>) => bearer(signedAs({ alg: 'RS256' }, claimsFor(claims)));
      expect(verdict(await at({ exp: now + 1 }))).toEqual({ sub: 'alice' });
      expect(verdict(await at({ exp: now - 1 }))).toEqual(refusedAs('the token has expired'));
      expect(verdict(await at({ exp: now + 60, nbf: now - 1 }))).toEqual({ sub: 'alice' });
      expect(verdict(await at({ exp: now + 60, nbf: now + 1 }))).toEqual(refusedAs('the token is not valid yet'));
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses a request without the identity source with 401 and a bare challenge', async () => {
    expect(verdict(await authorize(undefined))).toEqual({ status: 401, wwwAuthenticate: 'Bearer' });
    expect(verdict(await authorize(''))).toEqual({ status: 401, wwwAuthenticate: 'Bearer' });
  });

  it('says a token that is no JWT has an invalid number of segments, as API Gateway does', async () => {
    expect(verdict(await authorize('Bearer not-a-token'))).toEqual(
      refusedAs('token contains an invalid number of segments'),
    );
  });

  it.each([
    ['another scheme', 'Basic YWxpY2U6cHc='],
    ['an empty bearer', 'Bearer  '],
    ['a malformed token', 'Bearer not.a-token'],
  ])('refuses %s with 401', async (_name, header) => {
    expect(verdict(await authorize(header))).toMatchObject({ status: 401 });
  });

  it('refuses a token signed with another key', async () => {
    const token = await signToken('alice', { keys: otherKeys });
    expect(verdict(await bearer(token))).toEqual(refusedAs('the token signature is invalid'));
  });

  it('refuses a token whose payload was altered', async () => {
    const [header, , signature] = (await signToken('alice', { keys })).split('.');
    const forged = Buffer.from(JSON.stringify(claimsFor({ sub: 'mallory' }))).toString('base64url');
    expect(verdict(await bearer(`${header}.${forged}.${signature}`))).toMatchObject({ status: 401 });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claimsFor({ sub: 'mallory' }))).toString('base64url');
    expect(verdict(await bearer(`${header}.${payload}.`))).toMatchObject({ status: 401 });
    expect(verdict(await bearer(`${header}.${payload}.x`))).toMatchObject({ status: 401 });
  });

  it('refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(keys.publicJwk));
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: keys.kid })
      .setSubject('mallory')
      .setIssuer(params.issuer)
      .setAudience(audience)
      .setExpirationTime('1h')
      .sign(secret);
    expect(verdict(await bearer(token))).toEqual(refusedAs('signing method is invalid'));
  });

  it('refuses a token whose header names another algorithm, even with a good RS256 signature', async () => {
    expect(verdict(await bearer(signedAs({ alg: 'RS256' }, claimsFor())))).toEqual({ sub: 'alice' });
    expect(verdict(await bearer(signedAs({ alg: 'RS384' }, claimsFor())))).toEqual(
      refusedAs('signing method is invalid'),
    );
  });

  it('refuses a token without a key id, which API Gateway needs to find the key', async () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = `${part({ alg: 'RS256' })}.${part(claimsFor())}`;
    const key = createPrivateKey({ key: keys.privateJwk as JsonWebKey, format: 'jwk' });
    const token = `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`;
    expect(verdict(await bearer(token))).toEqual(refusedAs('the token has no key id'));
  });

  it('refuses an expired token, and says so', async () => {
    const token = await signToken('alice', { keys, expiresIn: -120 });
    expect(verdict(await bearer(token))).toEqual(refusedAs('the token has expired'));
  });

  it('refuses a token from another issuer or for another audience', async () => {
    const issuer = await signToken('alice', { keys, issuer: 'https://evil.example' });
    const other = await signToken('alice', { keys, audience: 'another-api' });
    expect(verdict(await bearer(issuer))).toEqual(refusedAs('the token does not have a valid issuer'));
    expect(verdict(await bearer(other))).toEqual(refusedAs('the token does not have a valid audience'));
  });

  it('refuses a token that is not valid yet (nbf), or issued in the future (iat)', async () => {
    const later = Math.floor(Date.now() / 1000) + 3600;
    expect(verdict(await bearer(await rs256({ nbf: later }, { expiry: '2h' })))).toEqual(
      refusedAs('the token is not valid yet'),
    );
    expect(verdict(await bearer(await rs256({ iat: later }, { expiry: '2h' })))).toEqual(
      refusedAs('the token was issued in the future'),
    );
    expect(verdict(await bearer(signedAs({ alg: 'RS256' }, claimsFor({ nbf: 'soon' }))))).toEqual(
      refusedAs('the token is not valid yet'),
    );
  });

  it('refuses a token without an expiry', async () => {
    expect(verdict(await bearer(await rs256({}, {})))).toEqual(refusedAs('the token does not have an expiration'));
  });

  it('accepts an audience list that holds the API', async () => {
    const token = await rs256({}, { audience: ['another-api', audience], expiry: '1h' });
    expect(verdict(await bearer(token))).toEqual({ sub: 'alice' });
  });

  it('refuses a header or payload that is not JSON', async () => {
    const [, payload, signature] = (await signToken('alice', { keys })).split('.');
    const junk = Buffer.from('not json').toString('base64url');
    expect(verdict(await bearer(`${junk}.${payload}.${signature}`))).toMatchObject({ status: 401 });
  });

  it('refuses a token with anything after it', async () => {
    const token = await signToken('alice', { keys });
    expect(verdict(await bearer(`${token} junk`))).toMatchObject({ status: 401 });
    expect(verdict(await bearer(`${token}.more`))).toMatchObject({ status: 401 });
    expect(verdict(await authorize(`xBearer ${token}`))).toMatchObject({ status: 401 });
  });

  it('asks for a route’s scopes: 403 without one of them, and passes the token’s scopes on with one', async () => {
    const token = signedAs({ alg: 'RS256' }, claimsFor({ scope: 'projects/read openid' }));
    const allowed = await authorize(`Bearer ${token}`, ['projects/read']);
    expect(allowed.ok && allowed.jwt.scopes).toEqual(['projects/read', 'openid']);
    expect(verdict(await authorize(`Bearer ${token}`, ['projects/write']))).toEqual({
      status: 403,
      wwwAuthenticate:
        'Bearer scope="projects/write" error="insufficient_scope" error_description="expected scopes: [projects/write]"',
    });
  });

  it('passes lists and numbers on as API Gateway does: as text', async () => {
    const token = signedAs({ alg: 'RS256' }, claimsFor({ 'cognito:groups': ['admins', 'editors'], auth_time: 12 }));
    const result = await bearer(token);
    expect(result.ok && result.jwt.claims).toMatchObject({ 'cognito:groups': '[admins editors]', auth_time: '12' });
  });
});
