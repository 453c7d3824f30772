/**
 * Section 4: load on the local stack. 2,000 creates at concurrency 50 with autocannon
 * against the real `npm start` stack (DynamoDB Local in memory, serverless offline): titles
 * come in pairs, so half the requests are duplicates that must be 409. Then the checker.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { findViolations } from '../../lib/dynamodb/consistency';
import { scanTable } from '../../lib/dynamodb/scan';
import { signToken } from '../lib/local-auth';
import { withScratchStack } from '../lib/stack';
import { localClient, localTableName } from '../lib/table';
import { percentile } from './stats';

export const LOAD_REQUESTS = 2000;
export const LOAD_CONCURRENCY = 50;
const OWNERS = 10;

export interface LoadReport {
  requests: number;
  concurrency: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  byStatus: Record<string, number>;
  fiveHundreds: number;
  projects: number;
  violations: number;
}

export async function benchLoad(): Promise<LoadReport> {
  return withScratchStack('ERROR', async ({ stack, endpoint, keys }) => {
    const tokens = await Promise.all(Array.from({ length: OWNERS }, (_, o) => signToken(`load-owner-${o}`, { keys })));
    let next = 0;
    const latencies: number[] = [];
    const byStatus: Record<string, number> = {};
    const started = performance.now();
    let finish: (error: Error | null) => void = () => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      finish = (error) => (error ? reject(error) : resolve());
    });
    const instance = autocannon(
      {
        url: stack.baseUrl,
        connections: LOAD_CONCURRENCY,
        amount: LOAD_REQUESTS,
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
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${tokens[pair % OWNERS]}`,
                },
                body: JSON.stringify({ title: `Load ${pair}` }),
              };
            },
          },
        ],
      },
      (error) => finish(error),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      byStatus[statusCode] = (byStatus[statusCode] ?? 0) + 1;
      latencies.push(responseTime);
    });
    await finished;
    const seconds = (performance.now() - started) / 1000;
    const doc = DynamoDBDocumentClient.from(localClient(endpoint));
    const items = await scanTable(doc, localTableName());
    doc.destroy();
    return {
      requests: latencies.length,
      concurrency: LOAD_CONCURRENCY,
      seconds,
      throughput: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      byStatus,
      fiveHundreds: Object.entries(byStatus)
        .filter(([status]) => Number(status) >= 500)
        .reduce((sum, [, count]) => sum + count, 0),
      projects: items.filter((item) => item.type === 'project').length,
      violations: findViolations(items).length,
    };
  });
}
