/**
 * Section 2: warm overhead. POST /projects through its whole middleware chain (identity,
 * body checks, JSON parsing, zod validation, title key, the envelope, the log line and EMF
 * metric) with a stubbed DynamoDB client, against three handlers making the same stubbed call:
 *   - bare: an async handler that parses the body;
 *   - plain middy: @middy/http-json-body-parser and @middy/http-error-handler;
 *   - the Powertools peer, what a user of these libraries would write: middy with the JSON
 *     body parser, a zod/mini check of the body, Powertools Logger's injectLambdaContext with
 *     one log line per request, Powertools Metrics' logMetrics with one metric, and
 *     @middy/http-error-handler.
 * Median per invocation over INVOCATIONS of each, interleaved in blocks of BLOCK. Run as its
 * own process, on the Node to measure: `node --import tsx bench/warm.ts` prints JSON.
 */
import { randomUUID } from 'node:crypto';
import { BENCH_ENV, QUICK } from './stats';
import { profileShares } from './warm-profile';

const INVOCATIONS = QUICK ? 2_000 : 20_000;
/** Invocations of the full chain profiled after the measurement, for where its time goes. */
const PROFILED = QUICK ? 2_000 : 10_000;
const BLOCK = 500;

Object.assign(process.env, BENCH_ENV, {
  POWERTOOLS_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'INFO',
  POWERTOOLS_METRICS_DISABLED: process.env.BENCH_METRICS_DISABLED ?? 'false',
});

async function main() {
  const { TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { handler } = await import('../functions/create-project');
  const { dynamo } = await import('../lib/composition/repositories');
  // The stub: the same trivial answer for every handler, whatever they send.
  dynamo.send = (async () => ({})) as unknown as typeof dynamo.send;
  const put = (title: string) =>
    dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'bench', Item: { pk: 'o', sk: randomUUID(), title } } },
          { Put: { TableName: 'bench', Item: { pk: 'o', sk: `TITLE#${title}` } } },
        ],
      }),
    );

  // The bare handler: the same stubbed DynamoDB call, nothing of the contract around it.
  const bare = async (event: { body?: string }) => {
    const body = JSON.parse(event.body ?? '{}') as { title: string };
    await put(body.title);
    return { statusCode: 201, body: JSON.stringify({ status: 'Success', data: body }) };
  };

  // Plain middy: the JSON body parser and the error handler around the same call.
  const { default: middy } = await import('@middy/core');
  const { default: httpJsonBodyParser } = await import('@middy/http-json-body-parser');
  const { default: httpErrorHandler } = await import('@middy/http-error-handler');
  const plainMiddy = middy(async (event: { body: { title: string } }) => {
    await put(event.body.title);
    return { statusCode: 201, body: JSON.stringify({ status: 'Success', data: event.body }) };
  })
    .use(httpJsonBodyParser())
    .use(httpErrorHandler());

  // The Powertools peer: as the libraries' docs set them up, with the body checked by zod.
  const z = await import('zod/mini');
  const { default: createError } = await import('http-errors');
  const { Logger } = await import('@aws-lambda-powertools/logger');
  const { injectLambdaContext } = await import('@aws-lambda-powertools/logger/middleware');
  const { Metrics, MetricUnit } = await import('@aws-lambda-powertools/metrics');
  const { logMetrics } = await import('@aws-lambda-powertools/metrics/middleware');
  const peerLogger = new Logger({ serviceName: 'peer' });
  const peerMetrics = new Metrics({ namespace: 'ProjectsApi', serviceName: 'peer' });
  const Body = z.object({
    title: z.string().check(z.minLength(1), z.maxLength(200)),
    description: z.optional(z.string()),
  });
  const powertoolsPeer = middy(async (event: { body: unknown }) => {
    const parsed = Body.safeParse(event.body);
    if (!parsed.success) throw createError(422, 'invalid body', { expose: true });
    await put(parsed.data.title);
    peerLogger.info('project created', { title: parsed.data.title });
    peerMetrics.addMetric('ProjectsCreated', MetricUnit.Count, 1);
    return { statusCode: 201, body: JSON.stringify({ status: 'Success', data: parsed.data }) };
  })
    .use(injectLambdaContext(peerLogger))
    .use(logMetrics(peerMetrics))
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
  const context = () => ({
    awsRequestId: randomUUID(),
    functionName: 'projects-api-bench-createProject',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:projects-api-bench-createProject',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 10_000,
  });

  const handlers: Record<string, () => Promise<unknown>> = {
    fullUs: () => handler(event() as never, context() as never),
    bareUs: () => bare(event()),
    middyUs: () => plainMiddy(event() as never, context() as never),
    peerUs: () => powertoolsPeer(event() as never, context() as never),
  };
  // The log lines and the EMF metrics are serialized as in Lambda, then dropped.
  const write = process.stdout.write.bind(process.stdout);
  const writeError = process.stderr.write.bind(process.stderr);
  const sink = () => true;
  const samples = Object.fromEntries(Object.keys(handlers).map((name) => [name, [] as number[]]));
  const run = async (into: number[] | undefined, fn: () => Promise<unknown>) => {
    for (let i = 0; i < BLOCK; i += 1) {
      const started = process.hrtime.bigint();
      const result = (await fn()) as { statusCode?: number };
      into?.push(Number(process.hrtime.bigint() - started) / 1000);
      if (result.statusCode !== 201) throw new Error(`answered ${result.statusCode}`);
    }
  };
  process.stdout.write = sink as typeof process.stdout.write;
  process.stderr.write = sink as typeof process.stderr.write;
  let shares: Record<string, number> = {};
  try {
    // Warm-up: JIT, zod's compiled validators, the SDK's middleware.
    for (let i = 0; i < 4; i += 1) for (const fn of Object.values(handlers)) await run(undefined, fn);
    for (let done = 0; done < INVOCATIONS; done += BLOCK) {
      for (const [name, fn] of Object.entries(handlers)) await run(samples[name], fn);
    }
    shares = await profileShares(handlers.fullUs as () => Promise<unknown>, PROFILED);
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeError;
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const result = {
    node: process.version,
    invocations: samples.fullUs?.length ?? 0,
    block: BLOCK,
    ...Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)])),
    profiled: PROFILED,
    shares,
  };
  write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
