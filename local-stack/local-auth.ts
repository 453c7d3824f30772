/**
 * Local tokens: an RS256 key pair made on first use under .data/jwt (ignored by git),
 * and the issuer and audience of serverless.yml's `custom.localStack`.
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

/** The issuer and audience the local stack verifies (serverless.yml, `custom.localStack.environment`). */
export function localAuthParams(): { issuer: string; audience: string } {
  const { JWT_ISSUER = '', JWT_AUDIENCE = '' } = serverlessYml().custom.localStack.environment;
  return { issuer: JWT_ISSUER, audience: JWT_AUDIENCE };
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
  if (existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as KeyPair;
  const keys = await generateKeys();
  mkdirSync(join(dataDir(), 'jwt'), { recursive: true });
  const temporary = `${keyFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(keys), { mode: 0o600 });
  // Two processes racing here both write whole files; the rename makes one of them win whole.
  renameSync(temporary, keyFile);
  return JSON.parse(readFileSync(keyFile, 'utf8')) as KeyPair;
}

export interface TokenOptions {
  keys: KeyPair;
  issuer?: string;
  audience?: string;
  /** Lifetime in seconds; negative for an already expired token. */
  expiresIn?: number;
}

export async function signToken(sub: string, options: TokenOptions): Promise<string> {
  const params = localAuthParams();
  const now = Math.floor(Date.now() / 1000);
  const key = await importJWK(options.keys.privateJwk, 'RS256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: options.keys.kid, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(options.issuer ?? params.issuer)
    .setAudience(options.audience ?? params.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 12 * 60 * 60))
    .sign(key);
}
