/**
 * Section 7: what X-Ray tracing would cost (docs/deploy.md decides on it). `POST /projects`
 * bundled as shipped, against the same with Powertools Tracer as its docs set it up: the
 * handler's subsegment (`captureLambdaHandler`) and one per DynamoDB call
 * (`captureAWSv3Client`). Both run as in a Lambda with active tracing (AWS_EXECUTION_ENV,
 * LAMBDA_TASK_ROOT, a sampled _X_AMZN_TRACE_ID; the segments go by UDP to the daemon's
 * address, where nothing listens), each in processes of its own: the X-Ray SDK's async
 * context tracking slows every promise of the process it is loaded in.
 *
 * Init: median time to require the bundle, INIT_RUNS fresh processes each, interleaved.
 * Per request: DynamoDB answered by a canned HTTP response below the SDK (so the Tracer's
 * middleware runs), median of blocks of 250 invocations after 1,000 to warm up, in
 * WARM_ROUNDS processes of each, interleaved.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serverlessYml } from '../local-stack/serverless-yml';
import { INIT_RUNS, initOnce } from './bundles';
import { BENCH_ENV, median } from './stats';

const ROOT = join(__dirname, '..');
const WARM_ROUNDS = 5;
const INVOCATIONS = 5_000;

/** A Lambda function with active tracing, as far as the Tracer and the X-Ray SDK can tell. */
const LAMBDA_ENV = {
  ...BENCH_ENV,
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_LAMBDA_FUNCTION_NAME: 'projects-api-bench-createProject',
  LAMBDA_TASK_ROOT: '/var/task',
  _X_AMZN_TRACE_ID: 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1',
  AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
  AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
  POWERTOOLS_SERVICE_NAME: 'projects-api',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

const ENTRIES = {
  shipped: `export { handler } from './functions/create-project'; export { dynamo } from './lib/composition/repositories';`,
  traced: `
    import { Tracer } from '@aws-lambda-powertools/tracer';
    import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
    import { handler as shipped } from './functions/create-project';
    import { dynamo } from './lib/composition/repositories';
    const tracer = new Tracer();
    tracer.captureAWSv3Client(dynamo);
    export const handler = shipped.use(captureLambdaHandler(tracer));
    export { dynamo };`,
};

export interface TracingReport {
  bytes: { shipped: number; traced: number };
  initMs: { shipped: number; traced: number };
  perRequestUs: { shipped: number; traced: number };
}

/** One process: the bundle's handler, invoked with DynamoDB answered below the SDK. */
const WARM_DRIVER = `
  const { handler, dynamo } = require(process.argv[1]);
  const { Readable } = require('node:stream');
  dynamo.config.requestHandler = {
    handle: async () => ({ response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: Readable.from([Buffer.from('{}')]) } }),
    updateHttpClientConfig() {}, httpHandlerConfigs: () => ({}),
  };
  let n = 0;
  const event = () => ({ version: '2.0', routeKey: 'POST /projects', rawPath: '/projects', rawQueryString: '',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Traced ' + (n += 1) }),
    isBase64Encoded: false, requestContext: { requestId: 'r' + n, http: { method: 'POST', path: '/projects' },
    authorizer: { jwt: { claims: { sub: 'bench-owner' } } } } });
  const context = { awsRequestId: 'r', functionName: 'bench', getRemainingTimeInMillis: () => 10000 };
  (async () => {
    for (let i = 0; i < 1000; i += 1) await handler(event(), context);
    const blocks = [];
    for (let b = 0; b < ${INVOCATIONS} / 250; b += 1) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < 250; i += 1) {
        const result = await handler(event(), context);
        if (result.statusCode !== 201) throw new Error('answered ' + result.statusCode + ' ' + result.body);
      }
      blocks.push(Number(process.hrtime.bigint() - t) / 250 / 1e3);
    }
    blocks.sort((a, b) => a - b);
    process.stdout.write(String(blocks[blocks.length >> 1]));
  })();`;

const run = (args: string[]) =>
  Number(execFileSync(process.execPath, args, { env: { ...process.env, ...LAMBDA_ENV } }).toString());

export async function benchTracing(): Promise<TracingReport> {
  const work = mkdtempSync(join(tmpdir(), 'projects-api-tracing-'));
  try {
    const esbuild = serverlessYml().custom.esbuild;
    const files = { shipped: join(work, 'shipped.js'), traced: join(work, 'traced.js') };
    for (const variant of ['shipped', 'traced'] as const) {
      await build({
        stdin: { contents: ENTRIES[variant], resolveDir: ROOT, loader: 'ts' },
        outfile: files[variant],
        bundle: true,
        minify: esbuild.minify,
        target: esbuild.target,
        platform: esbuild.platform,
        mainFields: esbuild.mainFields,
        alias: { depd: join(ROOT, 'lib/http/deprecations-off.cjs') },
        format: 'cjs',
        logLevel: 'silent',
      });
    }
    const init = { shipped: [] as number[], traced: [] as number[] };
    const warm = { shipped: [] as number[], traced: [] as number[] };
    for (let i = 0; i < INIT_RUNS; i += 1) {
      for (const variant of ['shipped', 'traced'] as const)
        init[variant].push(initOnce(files[variant], [], LAMBDA_ENV));
    }
    for (let i = 0; i < WARM_ROUNDS; i += 1) {
      for (const variant of ['shipped', 'traced'] as const)
        warm[variant].push(run(['-e', WARM_DRIVER, files[variant]]));
    }
    return {
      bytes: { shipped: readFileSync(files.shipped).length, traced: readFileSync(files.traced).length },
      initMs: { shipped: median(init.shipped), traced: median(init.traced) },
      perRequestUs: { shipped: median(warm.shipped), traced: median(warm.traced) },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchTracing().then((report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`));
}
