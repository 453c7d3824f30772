/**
 * `npm run soak [-- --operations 3000 --owners 10 --round 4 --seed N]`
 *
 * Thousands of random concurrent operations (scripts/lib/random-ops.ts) over HTTP against
 * the real local stack, which it starts (DynamoDB Local in memory, serverless offline), then
 * the consistency checker over the whole table. Exit 1 on any answer the contract does not
 * allow (any 5xx included) or any violation.
 */
import { parseArgs } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { findViolations } from '../lib/dynamodb/consistency';
import { scanTable } from '../lib/dynamodb/scan';
import { signToken } from './lib/local-auth';
import { newTally, type Op, opArbitrary, runRounds, type Send } from './lib/random-ops';
import { withScratchStack } from './lib/stack';
import { localClient, localTableName } from './lib/table';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      operations: { type: 'string', default: '3000' },
      owners: { type: 'string', default: '10' },
      round: { type: 'string', default: '4' },
      seed: { type: 'string' },
    },
  });
  const operations = Number(values.operations);
  const owners = Number(values.owners);
  const roundSize = Number(values.round);
  const seed = values.seed === undefined ? Date.now() : Number(values.seed);

  return withScratchStack('WARN', async ({ stack, endpoint, keys }) => {
    const tokens = new Map<string, string>();
    const send: Send = async (owner, request) => {
      let token = tokens.get(owner);
      if (!token) {
        token = await signToken(owner, { keys });
        tokens.set(owner, token);
      }
      const query =
        request.query && Object.keys(request.query).length > 0 ? `?${new URLSearchParams(request.query)}` : '';
      const response = await fetch(`${stack.baseUrl}${request.path}${query}`, {
        method: request.method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    };

    const perOwner = Math.ceil(operations / owners);
    const ops = fc.sample(opArbitrary, { numRuns: perOwner * owners, seed });
    const tally = newTally();
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

    const doc = DynamoDBDocumentClient.from(localClient(endpoint));
    const items = await scanTable(doc, localTableName());
    doc.destroy();
    const violations = findViolations(items);
    const fiveHundreds = Object.entries(tally.byStatus)
      .filter(([status]) => Number(status) >= 500)
      .reduce((sum, [, count]) => sum + count, 0);

    process.stdout.write(
      [
        `soak: seed ${seed}, ${tally.operations} operations by ${owners} owners, ${roundSize} at a time each, in ${seconds.toFixed(1)} s (${(tally.operations / seconds).toFixed(0)} ops/s)`,
        `answers: ${JSON.stringify(tally.byStatus)}`,
        `5xx: ${fiveHundreds}; answers outside the contract: ${tally.unexpected.length}`,
        `table: ${items.length} items; consistency violations: ${violations.length}`,
        ...tally.unexpected.slice(0, 10).map((u) => `UNEXPECTED ${u.op.kind} → ${u.status} ${JSON.stringify(u.body)}`),
        ...violations.slice(0, 20).map((v) => `VIOLATION ${v}`),
        // The server's own log lines of its 5xx answers, with their causes.
        ...stack
          .output()
          .split('\n')
          .filter((line) => /"status":5\d\d/.test(line))
          .slice(0, 10),
      ]
        .map((line) => `${line}\n`)
        .join(''),
    );
    return tally.unexpected.length === 0 && violations.length === 0 && fiveHundreds === 0 ? 0 : 1;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
