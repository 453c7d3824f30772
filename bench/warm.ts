/**
 * Section 2: warm overhead. POST /projects through its whole middleware chain (identity,
 * body checks, JSON parsing, zod validation, title key, the envelope, the log line and EMF
 * metric) with a stubbed DynamoDB client, against a bare async handler that parses the body
 * and makes the same stubbed call, and against the peer a user would compare with: a plain
 * middy handler (@middy/http-json-body-parser and @middy/http-error-handler) making that call. Median per invocation over INVOCATIONS of each,
 * interleaved in blocks. Run as its own process: `tsx bench/warm.ts` prints JSON.
 */
import { randomUUID } from 'node:crypto';
import { BENCH_ENV } from './stats';

export const INVOCATIONS = 20_000;
const BLOCK = 500;

Object.assign(process.env, BENCH_ENV, {
  POWERTOOLS_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'INFO',
  POWERTOOLS_METRICS_DISABLED: process.env.BENCH_METRICS_DISABLED ?? 'false',
});

async function main() {
  const { TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { handler } = await import('../functions/create-project');
  const { dynamo } = await import('../lib/composition/repositories');
  // The stub: the same trivial answer for both handlers, whatever they send.
  dynamo.send = (async () => ({})) as unknown as typeof dynamo.send;

  // The bare handler: the same stubbed DynamoDB call, nothing of the contract around it.
  const bare = async (event: { body?: string }) => {
    const body = JSON.parse(event.body ?? '{}') as { title: string };
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'bench', Item: { pk: 'o', sk: randomUUID(), title: body.title } } },
          { Put: { TableName: 'bench', Item: { pk: 'o', sk: `TITLE#${body.title}` } } },
        ],
      }),
    );
    return { statusCode: 201, body: JSON.stringify({ status: 'Success', data: body }) };
  };

  // The peer: middy's JSON body parser and error handler around the same call.
  const { default: middy } = await import('@middy/core');
  const { default: httpJsonBodyParser } = await import('@middy/http-json-body-parser');
  const { default: httpErrorHandler } = await import('@middy/http-error-handler');
  const plainMiddy = middy(async (event: { body: { title: string } }) => {
    const { title } = event.body;
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'bench', Item: { pk: 'o', sk: randomUUID(), title } } },
          { Put: { TableName: 'bench', Item: { pk: 'o', sk: `TITLE#${title}` } } },
        ],
      }),
    );
    return { statusCode: 201, body: JSON.stringify({ status: 'Success', data: event.body }) };
  })
    .use(httpJsonBodyParser())
    .use(httpErrorHandler());

  let n = 0;
  const event = () => {
    n += 1;
    return {
      version: '2.0',
      routeKey: 'POST /projects',
      rawPath: '/projects',
      rawQueryString: '',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ title: `Bench ${n}`, description: 'warm' }),
      isBase64Encoded: false,
      requestContext: {
        requestId: randomUUID(),
        http: { method: 'POST', path: '/projects' },
        authorizer: { jwt: { claims: { sub: 'bench-owner' } } },
      },
    };
  };
  const context = () => ({ awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 10_000 });

  // The log line and the EMF metric are serialized as in Lambda, then dropped.
  const write = process.stdout.write.bind(process.stdout);
  const sink = () => true;
  const full: number[] = [];
  const plain: number[] = [];
  const peer: number[] = [];
  const run = async (samples: number[] | undefined, fn: () => Promise<unknown>) => {
    for (let i = 0; i < BLOCK; i += 1) {
      const started = process.hrtime.bigint();
      await fn();
      const elapsed = Number(process.hrtime.bigint() - started) / 1000;
      samples?.push(elapsed);
    }
  };
  process.stdout.write = sink as typeof process.stdout.write;
  process.stderr.write = sink as typeof process.stderr.write;
  try {
    // Warm-up: JIT, zod's compiled validators, the SDK's middleware.
    for (let i = 0; i < 4; i += 1) {
      await run(undefined, () => handler(event() as never, context() as never));
      await run(undefined, () => bare(event()));
      await run(undefined, () => plainMiddy(event() as never, context() as never));
    }
    for (let done = 0; done < INVOCATIONS; done += BLOCK) {
      await run(full, () => handler(event() as never, context() as never));
      await run(plain, () => bare(event()));
      await run(peer, () => plainMiddy(event() as never, context() as never));
    }
  } finally {
    process.stdout.write = write;
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const result = { invocations: full.length, fullUs: median(full), bareUs: median(plain), middyUs: median(peer) };
  write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
