/**
 * `serverless offline` (and `npm start`, which runs it): the whole local stack, with nothing but
 * Node, npm and Java.
 *
 *  1. DynamoDB Local, its data under .data/dynamodb (or in memory with `--in-memory`), unless
 *     DYNAMODB_ENDPOINT names a DynamoDB to use instead; the table, from
 *     resources/projects-table.yml, if it is missing;
 *  2. the functions' environment: `custom.localStack.environment` of serverless.yml (the local
 *     table, a local cursor key) whatever the stage, as a deployed stage's settings (Secrets
 *     Manager) do not exist on this machine;
 *  3. serverless offline runs the functions behind its Lambda endpoint only: the `httpApi`
 *     events are taken out of its hands and served by the gateway (local-stack/gateway.ts),
 *     which answers as API Gateway would, after a few workers of every function are warm. Its
 *     JWT authorizer verifies the tokens of `npm run token` (the issuer and audience of
 *     `custom.localStack.authorizer`, the key under .data/jwt) on the routes that name it; with
 *     LOCAL_THROTTLING=true it throttles as the stage's `custom.throttling` says.
 *
 * Ctrl-C or SIGTERM stops everything it started; so does the end of the process that started
 * it. A taken port is one line, not a stack trace.
 */
import { readdirSync, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { jwtAuthorizer } from './authorizer';
import { localDynamoDb, type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local';
import { DEFAULT_PER_FUNCTION, type Gateway, startGateway } from './gateway';
import { type CorsSettings, type HttpApiEvent, type HttpApiRoute, routeOf } from './http-api';
import { localAuthParams, localKeys, ROOT } from './local-tokens';
import { portTaken, stopWithThisProcess, untilListening, watchParents } from './processes';
import { quietUntil } from './quiet';
import { ensureTable, localClient } from './table';
import { warmDynamoDb } from './warm';

const log = (message: string) => process.stderr.write(`[local] ${message}\n`);

/** What this plugin reads of the Serverless Framework's service (resolved). */
interface Serverless {
  service: {
    provider: {
      stage?: string;
      environment?: Record<string, unknown>;
      timeout?: number;
      httpApi?: { cors?: Partial<CorsSettings>; authorizers?: Record<string, { type?: string }> };
    };
    custom?: {
      localStack?: { environment?: Record<string, string> };
      throttling?: { rate: number | string; burst: number | string };
      'serverless-offline'?: { httpPort?: number | string; lambdaPort?: number | string };
    };
    getAllFunctions(): string[];
    getFunction(key: string): {
      name: string;
      timeout?: number;
      events?: { httpApi?: string | HttpApiEvent }[];
    };
  };
}

/** The HTTP API's routes, from the functions' `httpApi` events; the events are then removed. */
function takeRoutes(serverless: Serverless): HttpApiRoute[] {
  const { service } = serverless;
  const routes: HttpApiRoute[] = [];
  for (const key of service.getAllFunctions()) {
    const fn = service.getFunction(key);
    const timeoutMs = (fn.timeout ?? service.provider.timeout ?? 6) * 1000;
    for (const { httpApi } of fn.events ?? []) {
      if (httpApi !== undefined) routes.push(routeOf(httpApi, fn.name, timeoutMs));
    }
    fn.events = (fn.events ?? []).filter((event) => event.httpApi === undefined);
  }
  return routes;
}

/** What the checks before the start found. */
interface Checked {
  port: number;
  lambdaPort: number;
  perFunction: number;
  keys: Awaited<ReturnType<typeof localKeys>>;
}

export class OfflineStack {
  private started = false;
  private checked: Promise<Checked> | undefined;
  /** Where the data lives, for the ready line. */
  private data = '';
  private gateway: Gateway | undefined;
  private releaseReload: (() => void) | undefined;

  constructor(
    private readonly serverless: Serverless,
    private readonly options: Record<string, unknown>,
  ) {}

  /**
   * What can refuse the start, checked before anything starts (the plugin runs it before
   * serverless-esbuild bundles): the settings, the three ports, the token key pair. Each
   * refusal is one line and exit 1.
   */
  checks(): Promise<Checked> {
    this.checked ??= this.check();
    return this.checked;
  }

  private async check(): Promise<Checked> {
    const offline = this.serverless.service.custom?.['serverless-offline'] ?? {};
    const port = Number(this.options.httpPort ?? offline.httpPort ?? 3000);
    const lambdaPort = Number(this.options.lambdaPort ?? offline.lambdaPort ?? 3002);
    const perFunction = Number(process.env.LOCAL_CONCURRENCY ?? DEFAULT_PER_FUNCTION);
    if (!Number.isInteger(perFunction) || perFunction < 1 || perFunction > 64) {
      this.fail(`LOCAL_CONCURRENCY must be a whole number from 1 to 64, not "${process.env.LOCAL_CONCURRENCY}"`);
    }
    const ports: [number, string][] = [
      [port, 'PORT'],
      [lambdaPort, 'LAMBDA_PORT'],
    ];
    if (!localDynamoDb.given()) ports.push([localDynamoDb.port(), 'DYNAMODB_LOCAL_PORT']);
    for (const [taken, variable] of ports) {
      if (await portTaken(taken)) {
        this.fail(
          `port ${taken} is already in use: stop the server that holds it, or choose another port (${variable}=${taken + 1} npm start)`,
        );
      }
    }
    const keys = await localKeys().catch((error: Error) => this.fail(error.message));
    return { port, lambdaPort, perFunction, keys };
  }

  /** Everything `serverless offline` needs before it starts the functions. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { service } = this.serverless;
    const { port, lambdaPort, perFunction, keys } = await this.checks();
    let startOver = () => {};
    quietUntil(new Promise<void>((resolve) => (startOver = resolve)));
    // Until serverless offline listens for them itself: Ctrl-C while starting stops what started.
    // It never listens for SIGHUP (a closed terminal): that one stops the stack at any time.
    const stopWhileStarting = () => process.exit(130);
    const signals = ['SIGINT', 'SIGTERM'] as const;
    for (const signal of signals) process.once(signal, stopWhileStarting);
    process.once('SIGHUP', () => process.exit(129));
    watchParents(() => process.kill(process.pid, 'SIGTERM'));

    const environment = { ...(service.custom?.localStack?.environment ?? {}) };
    const tableName = environment.TABLE_NAME ?? String(service.provider.environment?.TABLE_NAME);
    const endpoint = await this.dynamoDb();
    const client = localClient(endpoint);
    await ensureTable(client, tableName);
    // DynamoDB Local's first transactions are slow: warm it, unless it is another's (DYNAMODB_ENDPOINT).
    const dynamoWarm = (localDynamoDb.given() ? Promise.resolve(0) : warmDynamoDb(client)).finally(() =>
      client.destroy(),
    );

    // The stage's own settings that are plain values stay; what only exists deployed does not.
    const plain = Object.entries(service.provider.environment ?? {}).filter(([, value]) => typeof value !== 'object');
    service.provider.environment = {
      ...Object.fromEntries(plain),
      ...environment,
      DYNAMODB_ENDPOINT: endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    };
    const cors = service.provider.httpApi?.cors;
    const throttle = this.throttling();
    const authorize = jwtAuthorizer({ ...localAuthParams(), keys: [keys.publicJwk] });
    const routes = takeRoutes(this.serverless);
    const authorizers = service.provider.httpApi?.authorizers ?? {};
    for (const { routeKey, authorizer } of routes) {
      if (authorizer && authorizers[authorizer.name]?.type !== 'jwt') {
        this.fail(
          `${routeKey} names the authorizer "${authorizer.name}", which is no JWT authorizer of provider.httpApi.authorizers: the local stack emulates JWT authorizers only`,
        );
      }
    }
    this.gateway = await startGateway(port, {
      lambda: { host: '127.0.0.1', port: lambdaPort },
      routes,
      ...(cors ? { cors: corsSettings(cors) } : {}),
      authorize,
      ...(throttle ? { throttle } : {}),
      perFunction,
      maxQueueMs: 20_000,
      onFailure: (what, status) => log(`${what}: answered ${status}, as API Gateway does`),
    });
    const gateway = this.gateway;
    // Requests wait until the functions are up and warm; serverless offline starts them next.
    const stage = String(this.options.stage ?? service.provider.stage ?? 'dev');
    gateway.hold(
      (async () => {
        await dynamoWarm;
        await untilListening(lambdaPort, 120_000).catch((error: Error) => log(error.message));
        for (const signal of signals) process.removeListener(signal, stopWhileStarting);
        await gateway.warm(perFunction);
        // The warm-up's last log lines reach this process a moment after its answers.
        await new Promise((resolve) => setTimeout(resolve, 300));
        startOver();
        log(
          `API on http://localhost:${port} (reference: /docs); a token: npm run -s token -- <userId>; ${this.data}; stage ${stage}'s settings with the local ones of custom.localStack`,
        );
      })().finally(startOver),
    );
    this.holdDuringReloads();
  }

  /** serverless offline dropped its workers after a rebuild: requests held since the change go on. */
  reloaded(): void {
    if (!this.releaseReload) return;
    log('code changed: functions reloaded');
    this.releaseReload();
    this.releaseReload = undefined;
  }

  /** The stage's throttling, when LOCAL_THROTTLING=true asks for it (off by default: a local load test measures the code). */
  private throttling(): { rate: number; burst: number } | undefined {
    const asked = process.env.LOCAL_THROTTLING ?? '';
    if (asked === '' || asked === 'false') return undefined;
    if (asked !== 'true') this.fail(`LOCAL_THROTTLING must be true or false, not "${asked}"`);
    const { rate, burst } = this.serverless.service.custom?.throttling ?? {};
    const settings = { rate: Number(rate), burst: Number(burst) };
    if (!(settings.rate > 0 && Number.isInteger(settings.burst) && settings.burst > 0)) {
      this.fail('LOCAL_THROTTLING=true needs custom.throttling (rate and burst) in serverless.yml');
    }
    log(`throttling: ${settings.rate} requests a second, bursts of ${settings.burst}, as the stage's`);
    return settings;
  }

  private fail(message: string): never {
    log(message);
    process.exit(1);
  }

  /** DYNAMODB_ENDPOINT, or DynamoDB Local of its own, stopped when this process ends. */
  private async dynamoDb(): Promise<string> {
    const given = localDynamoDb.given();
    if (given) {
      log(`using DynamoDB at ${given} (DYNAMODB_ENDPOINT)`);
      this.data = `DynamoDB at ${given}`;
      return given;
    }
    const inMemory = this.options['in-memory'] === true || process.env.LOCAL_IN_MEMORY === 'true';
    let dynamo: RunningDynamoDb;
    try {
      dynamo = await startDynamoDbLocal({
        port: localDynamoDb.port(),
        ...(inMemory ? {} : { dataDir: localDynamoDb.dataDir() }),
      });
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error));
    }
    stopWithThisProcess(dynamo.process);
    this.data = inMemory ? 'DynamoDB Local in memory' : `data in ${localDynamoDb.dataDir()}`;
    return dynamo.endpoint;
  }

  /**
   * Code changes take effect on the next request: serverless-esbuild bundles again on a change
   * under functions/ or lib/, and serverless offline drops its workers. From the moment a source
   * file changes until then, the gateway holds the requests that arrive, so that none is served
   * by the old code.
   */
  private holdDuringReloads(): void {
    let safety: NodeJS.Timeout | undefined;
    const sourceChanged = (_event: string, file: string | null) => {
      if (!file?.endsWith('.ts')) return;
      if (!this.releaseReload) {
        this.gateway?.hold(new Promise<void>((resolve) => (this.releaseReload = resolve)));
      }
      clearTimeout(safety);
      // A change that builds nothing (a failed build) must not hold requests for long.
      safety = setTimeout(() => this.reloaded(), 20_000);
    };
    // Each folder on its own: Node 20's recursive watch on Linux sees changes late.
    const folders = ['functions', 'lib'].flatMap((top) => [
      top,
      ...readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => relative(ROOT, join(entry.parentPath, entry.name))),
    ]);
    for (const folder of folders) watch(join(ROOT, folder), sourceChanged).unref();
  }
}

function corsSettings(cors: Partial<CorsSettings>): CorsSettings {
  return {
    allowedOrigins: cors.allowedOrigins ?? ['*'],
    allowedHeaders: cors.allowedHeaders ?? [],
    allowedMethods: cors.allowedMethods ?? [],
    exposedResponseHeaders: cors.exposedResponseHeaders ?? [],
    allowCredentials: cors.allowCredentials ?? false,
    ...(cors.maxAge === undefined ? {} : { maxAge: cors.maxAge }),
  };
}
