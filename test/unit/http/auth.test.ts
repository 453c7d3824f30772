import { createPrivateKey, type JsonWebKey, sign } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { Rejection } from '../../../lib/errors/rejections';
import { createAuthenticator, MAX_OWNER_ID_LENGTH } from '../../../lib/http/auth';
import { generateKeys, localAuthParams, signToken } from '../../../local-stack/local-auth';
import { apiEvent } from '../../support/lambda';

type Keys = Awaited<ReturnType<typeof generateKeys>>;

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as Rejection).code;
  }
};

/** The 401 and the reason the log line gives for it (the message of its cause, if any). */
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return { code: (error as Rejection).code, reason: cause instanceof Error ? cause.message : cause };
  }
};

describe('identity', () => {
  describe('locally (AUTH_MODE=local): the function verifies the token itself', () => {
    let keys: Keys;
    let otherKeys: Keys;
    let authenticate: ReturnType<typeof createAuthenticator>;
    const params = localAuthParams();
    const withToken = (token: string) => apiEvent({ owner: null, headers: { authorization: `Bearer ${token}` } });

    beforeAll(async () => {
      keys = await generateKeys();
      otherKeys = await generateKeys();
      authenticate = createAuthenticator({ mode: 'local', ...params, publicJwk: JSON.stringify(keys.publicJwk) });
    });

    it('takes the owner from a valid token’s sub', async () => {
      const token = await signToken('alice', { keys });
      await expect(authenticate(withToken(token))).resolves.toBe('alice');
    });

    it('accepts the scheme in any letter case', async () => {
      const token = await signToken('alice', { keys });
      const event = apiEvent({ owner: null, headers: { authorization: `bearer ${token}` } });
      await expect(authenticate(event)).resolves.toBe('alice');
    });

    it.each([
      ['no Authorization header', () => apiEvent({ owner: null })],
      ['another scheme', () => apiEvent({ owner: null, headers: { authorization: 'Basic YWxpY2U6cHc=' } })],
      ['an empty bearer', () => apiEvent({ owner: null, headers: { authorization: 'Bearer ' } })],
      ['a malformed token', () => withToken('not.a-token')],
    ])('refuses %s with 401', async (_name, event) => {
      await expect(codeOf(authenticate(event()))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses a token signed with another key', async () => {
      const token = await signToken('alice', { keys: otherKeys });
      await expect(codeOf(authenticate(withToken(token)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses a token whose payload was altered', async () => {
      const [header, , signature] = (await signToken('alice', { keys })).split('.');
      const forged = Buffer.from(
        JSON.stringify({ sub: 'mallory', iss: params.issuer, aud: params.audience, exp: 9999999999 }),
      ).toString('base64url');
      await expect(codeOf(authenticate(withToken(`${header}.${forged}.${signature}`)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses an unsigned token (alg none)', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ sub: 'mallory', iss: params.issuer, aud: params.audience, exp: 9999999999 }),
      ).toString('base64url');
      await expect(codeOf(authenticate(withToken(`${header}.${payload}.`)))).resolves.toBe('UNAUTHORIZED');
      await expect(codeOf(authenticate(withToken(`${header}.${payload}.x`)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
      const secret = new TextEncoder().encode(JSON.stringify(keys.publicJwk));
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('mallory')
        .setIssuer(params.issuer)
        .setAudience(params.audience)
        .setExpirationTime('1h')
        .sign(secret);
      await expect(codeOf(authenticate(withToken(token)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses an expired token', async () => {
      const token = await signToken('alice', { keys, expiresIn: -120 });
      await expect(codeOf(authenticate(withToken(token)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses a token from another issuer or for another audience', async () => {
      const issuer = await signToken('alice', { keys, issuer: 'https://evil.example' });
      const audience = await signToken('alice', { keys, audience: 'another-api' });
      await expect(codeOf(authenticate(withToken(issuer)))).resolves.toBe('UNAUTHORIZED');
      await expect(codeOf(authenticate(withToken(audience)))).resolves.toBe('UNAUTHORIZED');
    });

    /** An RS256 token of the local key with the given claims; no expiry unless given. */
    async function rs256(claims: Record<string, unknown>, options: { audience?: string | string[]; expiry?: string }) {
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256' })
        .setSubject('alice')
        .setIssuer(params.issuer)
        .setAudience(options.audience ?? params.audience);
      if (options.expiry) jwt = jwt.setExpirationTime(options.expiry);
      return jwt.sign(await importJWK(keys.privateJwk, 'RS256'));
    }

    it('refuses a token that is not valid yet (nbf)', async () => {
      const token = await rs256({ nbf: Math.floor(Date.now() / 1000) + 3600 }, { expiry: '2h' });
      await expect(codeOf(authenticate(withToken(token)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses a token without an expiry', async () => {
      const token = await rs256({}, {});
      await expect(codeOf(authenticate(withToken(token)))).resolves.toBe('UNAUTHORIZED');
    });

    it('tolerates 5 seconds of clock skew on exp and nbf, and no more than a few', async () => {
      const now = Math.floor(Date.now() / 1000);
      const justExpired = await rs256({ exp: now - 2 }, {});
      const expired = await rs256({ exp: now - 10 }, {});
      const almostValid = await rs256({ nbf: now + 2, exp: now + 3600 }, {});
      const notYet = await rs256({ nbf: now + 10, exp: now + 3600 }, {});
      await expect(authenticate(withToken(justExpired))).resolves.toBe('alice');
      await expect(codeOf(authenticate(withToken(expired)))).resolves.toBe('UNAUTHORIZED');
      await expect(authenticate(withToken(almostValid))).resolves.toBe('alice');
      await expect(codeOf(authenticate(withToken(notYet)))).resolves.toBe('UNAUTHORIZED');
    });

    it('accepts an audience list that holds the API', async () => {
      const token = await rs256({}, { audience: ['another-api', params.audience], expiry: '1h' });
      await expect(authenticate(withToken(token))).resolves.toBe('alice');
    });

    it('refuses a header or payload that is not JSON', async () => {
      const [, payload, signature] = (await signToken('alice', { keys })).split('.');
      const junk = Buffer.from('not json').toString('base64url');
      await expect(codeOf(authenticate(withToken(`${junk}.${payload}.${signature}`)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses an unusable sub', async () => {
      const long = await signToken('x'.repeat(MAX_OWNER_ID_LENGTH + 1), { keys });
      await expect(codeOf(authenticate(withToken(long)))).resolves.toBe('UNAUTHORIZED');
    });

    it('takes a sub of exactly the longest owner id', async () => {
      const longest = 'x'.repeat(MAX_OWNER_ID_LENGTH);
      await expect(authenticate(withToken(await signToken(longest, { keys })))).resolves.toBe(longest);
    });

    it('reads the bearer token only as the whole header, with any spaces after the scheme and at the end', async () => {
      const token = await signToken('alice', { keys });
      const header = (authorization: string) => apiEvent({ owner: null, headers: { authorization } });
      await expect(authenticate(header(`Bearer   ${token}  `))).resolves.toBe('alice');
      await expect(codeOf(authenticate(header(`xBearer ${token}`)))).resolves.toBe('UNAUTHORIZED');
      await expect(codeOf(authenticate(header(`Bearer ${token} junk`)))).resolves.toBe('UNAUTHORIZED');
      await expect(codeOf(authenticate(header(`Bearer ${token}.more`)))).resolves.toBe('UNAUTHORIZED');
    });

    it('refuses a request whose event has no headers at all', async () => {
      const event = apiEvent({ owner: null });
      delete (event as { headers?: unknown }).headers;
      await expect(codeOf(authenticate(event))).resolves.toBe('UNAUTHORIZED');
    });

    /** A token signed with the local key whatever its header says (jose refuses to sign a lie). */
    function signedAs(header: Record<string, unknown>, claims: Record<string, unknown>) {
      const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const signed = `${part(header)}.${part(claims)}`;
      const key = createPrivateKey({ key: keys.privateJwk as JsonWebKey, format: 'jwk' });
      return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`;
    }

    const claimsFor = (extra: Record<string, unknown> = {}) => ({
      sub: 'alice',
      iss: params.issuer,
      aud: params.audience,
      exp: Math.floor(Date.now() / 1000) + 3600,
      ...extra,
    });

    it('refuses a token whose header names another algorithm, even with a good RS256 signature', async () => {
      await expect(authenticate(withToken(signedAs({ alg: 'RS256' }, claimsFor())))).resolves.toBe('alice');
      const relabelled = signedAs({ alg: 'RS384' }, claimsFor());
      await expect(refusal(authenticate(withToken(relabelled)))).resolves.toEqual({
        code: 'UNAUTHORIZED',
        reason: 'unexpected algorithm',
      });
    });

    it('refuses a not-before that is not a number', async () => {
      const token = signedAs({ alg: 'RS256' }, claimsFor({ nbf: 'soon' }));
      await expect(refusal(authenticate(withToken(token)))).resolves.toEqual({
        code: 'UNAUTHORIZED',
        reason: 'not yet valid',
      });
    });

    it('tolerates exactly 5 seconds of clock skew on exp and nbf', async () => {
      const now = 1_900_000_000;
      const clock = jest.spyOn(Date, 'now').mockReturnValue(now * 1000);
      try {
        const at = (claims: Record<string, unknown>) =>
          authenticate(withToken(signedAs({ alg: 'RS256' }, claimsFor(claims))));
        await expect(at({ exp: now - 4 })).resolves.toBe('alice');
        await expect(refusal(at({ exp: now - 5 }))).resolves.toEqual({ code: 'UNAUTHORIZED', reason: 'expired' });
        await expect(at({ exp: now + 60, nbf: now + 5 })).resolves.toBe('alice');
        await expect(refusal(at({ exp: now + 60, nbf: now + 6 }))).resolves.toEqual({
          code: 'UNAUTHORIZED',
          reason: 'not yet valid',
        });
      } finally {
        clock.mockRestore();
      }
    });

    it('says in the log line why it refused a token', async () => {
      const reasonFor = async (event: ReturnType<typeof withToken>) => (await refusal(authenticate(event)))?.reason;
      expect(await reasonFor(withToken(await signToken('alice', { keys: otherKeys })))).toBe('bad signature');
      expect(await reasonFor(withToken(await signToken('alice', { keys, expiresIn: -120 })))).toBe('expired');
      expect(await reasonFor(withToken(await signToken('alice', { keys, issuer: 'https://evil.example' })))).toBe(
        'unexpected issuer',
      );
      expect(await reasonFor(withToken(await signToken('alice', { keys, audience: 'another-api' })))).toBe(
        'unexpected audience',
      );
      // Refusals of the request itself, and of a verified token's sub, have no cause to tell.
      expect(await reasonFor(apiEvent({ owner: null }))).toBeUndefined();
      expect(await reasonFor(withToken(await signToken('', { keys })))).toBeUndefined();
    });
  });

  describe('deployed (AUTH_MODE=gateway): the JWT authorizer verified the token', () => {
    const authenticate = createAuthenticator({ mode: 'gateway' });

    it('takes the owner from the authorizer’s sub claim', async () => {
      await expect(authenticate(apiEvent({ owner: 'user-7' }))).resolves.toBe('user-7');
    });

    it('refuses a request without authorizer claims', async () => {
      await expect(codeOf(authenticate(apiEvent({ owner: null })))).resolves.toBe('UNAUTHORIZED');
      await expect(codeOf(authenticate(apiEvent({ owner: '' })))).resolves.toBe('UNAUTHORIZED');
    });

    it.each([
      ['an authorizer without a JWT', {}],
      ['a JWT authorizer without claims', { jwt: {} }],
    ])('refuses %s with 401', async (_name, authorizer) => {
      const event = apiEvent({ owner: null });
      Object.assign(event.requestContext, { authorizer });
      await expect(codeOf(authenticate(event))).resolves.toBe('UNAUTHORIZED');
    });

    it('ignores identities offered in headers', async () => {
      const event = apiEvent({ owner: null, headers: { 'x-user-id': 'alice', authorization: 'Bearer a.b.c' } });
      await expect(codeOf(authenticate(event))).resolves.toBe('UNAUTHORIZED');
    });
  });
});
