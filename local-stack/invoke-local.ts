/**
 * `serverless invoke local -f <function> -p <event>` against DynamoDB Local, whatever the stage:
 *
 *  - the functions get the local stack's environment (`custom.localStack.environment`: the local
 *    table, a local cursor key) in place of the stage's, which holds CloudFormation references
 *    (the Secrets Manager key) that only exist deployed;
 *  - DynamoDB is DYNAMODB_ENDPOINT when set; else the local stack's own DynamoDB Local when
 *    `npm start` runs (DYNAMODB_LOCAL_PORT, 8000); else a DynamoDB Local started for this one
 *    invocation on the local stack's data (.data/dynamodb), stopped when it ends. The table is
 *    created if it is missing.
 *
 * The events of events/ are what the local gateway builds for each route (local-stack/sample-events.ts).
 */
import { localDynamoDb, type RunningDynamoDb, startDynamoDbLocal, waitForDynamoDb } from './dynamodb-local';
import { portTaken } from './processes';
import { ensureTable, localClient } from './table';

interface Serverless {
  service: {
    provider: { environment?: Record<string, unknown> };
    custom?: { localStack?: { environment?: Record<string, string> } };
  };
}

const log = (message: string) => process.stderr.write(`[local] ${message}\n`);

export class InvokeLocal {
  private dynamo: RunningDynamoDb | undefined;

  constructor(private readonly serverless: Serverless) {}

  /** Before the framework reads the functions' environment: the local one, and a DynamoDB with the table. */
  async prepare(): Promise<void> {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const { service } = this.serverless;
    const environment = service.custom?.localStack?.environment ?? {};
    const endpoint = await this.endpoint();
    const client = localClient(endpoint);
    try {
      await ensureTable(client, String(environment.TABLE_NAME));
    } catch (error) {
      // The framework runs no later hook when this one fails: stop what it started now.
      await this.finish();
      throw error;
    } finally {
      client.destroy();
    }
    // The stage's own settings that are plain values stay; what only exists deployed does not.
    const plain = Object.entries(service.provider.environment ?? {}).filter(([, value]) => typeof value !== 'object');
    service.provider.environment = {
      ...Object.fromEntries(plain),
      ...environment,
      DYNAMODB_ENDPOINT: endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    };
  }

  /** Stops the DynamoDB Local this invocation started, if it started one. */
  async finish(): Promise<void> {
    await this.dynamo?.stop();
  }

  private async endpoint(): Promise<string> {
    const given = localDynamoDb.given();
    if (given) return given;
    const port = localDynamoDb.port();
    if (await portTaken(port)) {
      const running = `http://127.0.0.1:${port}`;
      await waitForDynamoDb(running, 3000).catch(() => {
        throw new Error(`port ${port} is taken by something that is not DynamoDB Local (DYNAMODB_LOCAL_PORT)`);
      });
      log(`DynamoDB Local of the local stack at ${running}`);
      return running;
    }
    this.dynamo = await startDynamoDbLocal({ port, dataDir: localDynamoDb.dataDir() });
    log(`DynamoDB Local started for this invocation at ${this.dynamo.endpoint}`);
    return this.dynamo.endpoint;
  }
}
