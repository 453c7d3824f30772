/**
 * Creates DynamoDB Local tables from resources/projects-table.yml, the same definition
 * that serverless.yml deploys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { parse } from 'yaml';
import { serverlessYml } from './serverless-yml';

export const TABLE_DEFINITION_FILE = join(__dirname, '..', 'resources', 'projects-table.yml');

interface TableProperties {
  BillingMode: CreateTableCommandInput['BillingMode'];
  AttributeDefinitions: CreateTableCommandInput['AttributeDefinitions'];
  KeySchema: CreateTableCommandInput['KeySchema'];
  GlobalSecondaryIndexes?: CreateTableCommandInput['GlobalSecondaryIndexes'];
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
}

export function readTableProperties(): TableProperties {
  return parse(readFileSync(TABLE_DEFINITION_FILE, 'utf8')) as TableProperties;
}

/** The CreateTable input for a table of this definition under the given name. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const p = readTableProperties();
  return {
    TableName: tableName,
    BillingMode: p.BillingMode,
    AttributeDefinitions: p.AttributeDefinitions,
    KeySchema: p.KeySchema,
    ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes } : {}),
  };
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Creates the table if it is missing (and its TTL setting); returns whether it was created. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
  const ttl = readTableProperties().TimeToLiveSpecification;
  if (ttl?.Enabled) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true },
      }),
    );
  }
  return true;
}

/** The local stack's table (serverless.yml, `custom.localStack.environment.TABLE_NAME`). */
export function localTableName(): string {
  const { service, custom } = serverlessYml();
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Serverless variable, not a JS template
  return String(custom.localStack.environment.TABLE_NAME).replace('${self:service}', service);
}
