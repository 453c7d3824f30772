/**
 * Section 4: load on the local stack, what `npm start` runs (the gateway, serverless offline,
 * DynamoDB Local in memory), with autocannon: 2,000 creates at 50 and at 200 in flight, on a
 * quiet machine and with one core kept busy beside it. Titles come in pairs, so half the
 * requests are duplicates that must be 409. Then the checker over the table. The first
 * scenario runs on the freshly started stack: its first requests show what a cold start costs.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { findViolations } from '../lib/dynamodb/consistency';
import { scanTable } from '../lib/dynamodb/scan';
import { signToken } from '../local-stack/local-tokens';
import { type LocalStack, withScratchStack } from '../local-stack/stack';
import { localClient, localTableName } from '../local-stack/table';
import { busyCore } from './busy';
import { progress } from './progress';
import { percentile } from './stats';

export const LOAD_REQUESTS = 2000;
const OWNERS = 10;
/** No answer within this is an unanswered request. */
const ANSWER_WITHIN_S = 30;

export const SCENARIOS = [
  { concurrency: 50, busy: false },
  { concurrency: 50, busy: true },
  { concurrency: 200, busy: false },
  { concurrency: 200, busy: true },
] as const;

export interface LoadResult {
  concurrency: number;
  busy: boolean;
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The median of the first `concurrency` answers (the first scenario: right after start). */
  firstP50: number;
  byStatus: Record<string, number>;
  /** No answer within 30 s, or a connection that broke. */
  unanswered: number;
}

export interface LoadReport {
  scenarios: LoadResult[];
  projects: number;
  violations: number;
}

async function scenario(
  stack: LocalStack,
  tokens: readonly string[],
  run: number,
  { concurrency, busy }: { concurrency: number; busy: boolean },
): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const byStatus: Record<string, number> = {};
  const shown = progress(`load ${concurrency} in flight${busy ? ', busy core' : ''}`, LOAD_REQUESTS);
  const beside = busy ? busyCore() : undefined;
  const started = performance.now();
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: stack.baseUrl,
          connections: concurrency,
          amount: LOAD_REQUESTS,
          timeout: ANSWER_WITHIN_S,
          requests: [
            {
              method: 'POST',
              path: '/projects',
              setupRequest: (request) => {
                const i = next;
                next += 1;
                // Request i and i + 1000 share owner and title: exactly one of each pair wins.
                const pair = i % (LOAD_REQUESTS / 2);
                return {
                  ...request,
                  headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[pair % OWNERS]}` },
                  body: JSON.stringify({ title: `Load ${run} ${pair}` }),
                };
              },
            },
          ],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
        latencies.push(responseTime);
        shown.tick(1, statusCode >= 500);
      });
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      concurrency,
      busy,
      requests: latencies.length,
      seconds,
      throughput: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      firstP50: percentile(latencies.slice(0, concurrency), 50),
      byStatus,
      unanswered: result.errors,
    };
  } finally {
    beside?.stop();
    shown.done();
  }
}

export async function benchLoad(): Promise<LoadReport> {
  return withScratchStack('ERROR', async ({ stack, endpoint, keys }) => {
    const tokens = await Promise.all(Array.from({ length: OWNERS }, (_, o) => signToken(`load-owner-${o}`, { keys })));
    const scenarios: LoadResult[] = [];
    for (const [run, setting] of SCENARIOS.entries()) scenarios.push(await scenario(stack, tokens, run, setting));
    const doc = DynamoDBDocumentClient.from(localClient(endpoint));
    const items = await scanTable(doc, localTableName());
    doc.destroy();
    return {
      scenarios,
      projects: items.filter((item) => item.type === 'project').length,
      violations: findViolations(items).length,
    };
  });
}
