/**
 * Local tokens: an RS256 key pair made on first use under .data/jwt (ignored by git), and the
 * issuer and audience the local stack's JWT authorizer takes (serverless.yml's
 * `custom.localStack.authorizer`). A token is an ID token (`aud`) or, as Cognito's access
 * tokens are, an access token (`client_id`, no `aud`).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { serverlessYml } from './serverless-yml';

export const ROOT = join(__dirname, '..');
/** Local state (DynamoDB Local's data, the token key pair): .data, or LOCAL_DATA_DIR. */
export function dataDir(): string {
  return process.env.LOCAL_DATA_DIR || join(ROOT, '.data');
}

interface KeyPair {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** The issuer and audiences the local stack's JWT authorizer takes (serverless.yml, `custom.localStack.authorizer`). */
export function localAuthParams(): { issuer: string; audience: string[] } {
  const { issuerUrl, audience } = serverlessYml().custom.localStack.authorizer;
  return { issuer: issuerUrl, audience };
}

export async function generateKeys(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/** The local key pair, made and saved on first use. */
export async function localKeys(): Promise<KeyPair> {
  const keyFile = join(dataDir(), 'jwt', 'keys.json');
  if (existsSync(keyFile)) return readKeys(keyFile);
  const keys = await generateKeys();
  mkdirSync(join(dataDir(), 'jwt'), { recursive: true });
  const temporary = `${keyFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(keys), { mode: 0o600 });
  // Two processes racing here both write whole files; the rename makes one of them win whole.
  renameSync(temporary, keyFile);
  return readKeys(keyFile);
}

/** The key pair of a file, or an error that names the file and what to do. */
function readKeys(keyFile: string): KeyPair {
  try {
    const keys = JSON.parse(readFileSync(keyFile, 'utf8')) as Partial<KeyPair>;
    if (typeof keys.kid !== 'string' || !keys.privateJwk || !keys.publicJwk) throw new Error('not a key pair');
    return keys as KeyPair;
  } catch (error) {
    throw new Error(
      `${keyFile} is damaged (${(error as Error).message}): delete it and a new key pair is made (tokens signed with the old one stop working)`,
    );
  }
}

/** An ID token names its audience in `aud`; an access token names its client in `client_id`, and has no `aud`. */
export type TokenKind = 'id' | 'access';

export interface TokenOptions {
  keys: KeyPair;
  kind?: TokenKind;
  issuer?: string;
  /** The `aud` of an ID token, or the `client_id` of an access token. */
  audience?: string;
  /** Lifetime in seconds; negative for an already expired token. */
  expiresIn?: number;
}

export async function signToken(sub: string, options: TokenOptions): Promise<string> {
  const params = localAuthParams();
  const audience = options.audience ?? params.audience[0] ?? '';
  const now = Math.floor(Date.now() / 1000);
  const key = await importJWK(options.keys.privateJwk, 'RS256');
  const access = options.kind === 'access';
  const token = new SignJWT(
    access ? { token_use: 'access', client_id: audience, scope: 'openid' } : { token_use: 'id' },
  )
    .setProtectedHeader({ alg: 'RS256', kid: options.keys.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(options.issuer ?? params.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 12 * 60 * 60));
  return (access ? token : token.setAudience(audience)).sign(key);
}
