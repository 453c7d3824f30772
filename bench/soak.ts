/**
 * `npm run soak [-- --operations 3000 --clients 40 --round 4 --busy --seed N]`
 *
 * Thousands of random concurrent operations (bench/random-ops.ts: creates with colliding
 * titles, renames, deletes, restores, batches, reads, lists) over HTTP against the real local
 * stack, which it starts (DynamoDB Local in memory, the gateway, serverless offline), then the
 * consistency checker over the whole table. `--clients` requests are in flight at once (owners
 * of `--round` requests each); `--busy` keeps one core busy beside it. Exit 1 on any answer
 * the contract does not allow (a 5xx other than 503 with Retry-After, a 2xx out of the
 * envelope), on more than 1% of 503s, on a request with no answer within 30 s or a broken
 * connection, or on any violation.
 */
import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { UsageError } from '../cli/run-script';
import { findViolations } from '../lib/dynamodb/consistency';
import { scanTable } from '../lib/dynamodb/scan';
import { signToken } from '../local-stack/local-tokens';
import { withScratchStack } from '../local-stack/stack';
import { localClient, localTableName } from '../local-stack/table';
import { busyCore } from './busy';
import { progress } from './progress';
import { newTally, type Op, opArbitrary, runRounds, type Send } from './random-ops';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const ANSWER_WITHIN_MS = 30_000;

export interface SoakOptions {
  operations: number;
  clients: number;
  round: number;
  busy: boolean;
  seed: number;
}

export interface SoakResult {
  options: SoakOptions;
  owners: number;
  operations: number;
  seconds: number;
  byStatus: Record<number, number>;
  /** 503 SERVICE_UNAVAILABLE with Retry-After. */
  unavailable: number;
  /** Answers out of the contract (status or shape). */
  unexpected: number;
  /** No answer within 30 s, or a broken connection. */
  unanswered: number;
  items: number;
  violations: number;
  /** What the soak prints. */
  lines: string[];
  passed: boolean;
}

/** Runs the soak on a scratch local stack of its own. */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const { operations, busy, seed } = options;
  const roundSize = options.round;
  const owners = Math.max(1, Math.round(options.clients / roundSize));
  return withScratchStack('WARN', async ({ stack, endpoint, keys }) => {
    const tokens = new Map<string, string>();
    let unanswered = 0;
    const send: Send = async (owner, request) => {
      let token = tokens.get(owner);
      if (!token) {
        token = await signToken(owner, { keys });
        tokens.set(owner, token);
      }
      const query =
        request.query && Object.keys(request.query).length > 0 ? `?${new URLSearchParams(request.query)}` : '';
      try {
        const response = await fetch(`${stack.baseUrl}${request.path}${query}`, {
          method: request.method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...request.headers,
          },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
        const text = await response.text();
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = text;
        }
        shown.tick(1, response.status >= 500);
        return { status: response.status, headers: Object.fromEntries(response.headers), json };
      } catch {
        // No answer within 30 s, or the connection broke.
        unanswered += 1;
        shown.tick(1, true);
        return { status: 0, json: undefined };
      }
    };

    const perOwner = Math.ceil(operations / owners);
    const ops = fc.sample(opArbitrary, { numRuns: perOwner * owners, seed });
    const tally = newTally();
    const shown = progress('soak', perOwner * owners);
    const beside = busy ? busyCore() : undefined;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: owners }, (_, o) => {
        const mine = ops.slice(o * perOwner, (o + 1) * perOwner);
        const rounds: Op[][] = [];
        for (let i = 0; i < mine.length; i += roundSize) rounds.push(mine.slice(i, i + roundSize));
        return runRounds(send, `soak-owner-${o}`, rounds, tally);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    beside?.stop();
    shown.done();

    const doc = DynamoDBDocumentClient.from(localClient(endpoint));
    const items = await scanTable(doc, localTableName());
    doc.destroy();
    const violations = findViolations(items);
    const unavailableShare = tally.unavailable / tally.operations;

    const lines = [
      `soak: seed ${seed}, ${tally.operations} operations by ${owners} owners, ${roundSize} at a time each (${owners * roundSize} in flight${busy ? ', one core busy beside' : ''}), in ${seconds.toFixed(1)} s (${(tally.operations / seconds).toFixed(0)} ops/s)`,
      `answers: ${JSON.stringify(tally.byStatus)}`,
      `503 with Retry-After: ${tally.unavailable} (${(unavailableShare * 100).toFixed(2)} %, at most 1 %); answers outside the contract: ${tally.unexpected.length}; unanswered within 30 s: ${unanswered}`,
      `table: ${items.length} items; consistency violations: ${violations.length}`,
      ...tally.unexpected.slice(0, 10).map((u) => `UNEXPECTED ${u.op.kind} → ${u.status} ${JSON.stringify(u.body)}`),
      ...violations.slice(0, 20).map((v) => `VIOLATION ${v}`),
      // The server's own log lines of its 5xx answers, with their causes.
      ...stack
        .output()
        .split('\n')
        .filter((line) => /"status":5\d\d/.test(line))
        .slice(0, 10),
    ];
    return {
      options,
      owners,
      operations: tally.operations,
      seconds,
      byStatus: tally.byStatus,
      unavailable: tally.unavailable,
      unexpected: tally.unexpected.length,
      unanswered,
      items: items.length,
      violations: violations.length,
      lines,
      passed: tally.unexpected.length === 0 && violations.length === 0 && unanswered === 0 && unavailableShare <= 0.01,
    };
  });
}

export const SOAK_USAGE = [
  'usage: npm run soak [-- --operations 3000 --clients 40 --round 4 --busy --seed N]',
  '  random operations from many clients against a local stack of its own, then the table checked',
].join('\n');

/** `npm run soak`: the options from the command line; resolves to the exit code. */
export async function soakCommand(argv: string[] = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      operations: { type: 'string', default: '3000' },
      clients: { type: 'string', default: '40' },
      round: { type: 'string', default: '4' },
      busy: { type: 'boolean', default: false },
      seed: { type: 'string' },
    },
  });
  const count = (name: 'operations' | 'clients' | 'round') => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1)
      throw new UsageError(`--${name} takes a whole number from 1, not "${values[name]}"`);
    return value;
  };
  if (values.seed !== undefined && !Number.isInteger(Number(values.seed))) {
    throw new UsageError(`--seed takes a whole number, not "${values.seed}"`);
  }
  const result = await soak({
    operations: count('operations'),
    clients: count('clients'),
    round: count('round'),
    busy: values.busy,
    seed: values.seed === undefined ? Date.now() : Number(values.seed),
  });
  process.stdout.write(result.lines.map((line) => `${line}\n`).join(''));
  return result.passed ? 0 : 1;
}
