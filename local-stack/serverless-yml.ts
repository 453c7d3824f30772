/**
 * serverless.yml as written (its variables unresolved), for the tools that read one of its
 * settings without running the framework: the local stack, the token command, the bench.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { HttpApiEvent } from './http-api';

export interface ServerlessYml {
  service: string;
  provider: { timeout?: number; environment?: Record<string, unknown> };
  functions: Record<
    string,
    { handler: string; role?: string; timeout?: number; events?: { httpApi?: HttpApiEvent }[] }
  >;
  custom: {
    localStack: { environment: Record<string, string>; authorizer: { issuerUrl: string; audience: string[] } };
    esbuild: { minify: boolean; target: string; platform: 'node'; mainFields: string[] };
  };
}

let read: ServerlessYml | undefined;

export function serverlessYml(): ServerlessYml {
  read ??= parse(readFileSync(join(__dirname, '..', 'serverless.yml'), 'utf8')) as ServerlessYml;
  return read;
}
