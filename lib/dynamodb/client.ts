import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../composition/config';

/**
 * The DynamoDB client, with explicit timeouts and a bounded number of tries, so that a
 * slow or unreachable DynamoDB becomes a 503 well before the Lambda's own timeout.
 */
export function createDocumentClient(
  config: Pick<Config, 'region' | 'dynamodbEndpoint' | 'dynamodb'>,
): DynamoDBDocumentClient {
  const local = config.dynamodbEndpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region,
    maxAttempts: config.dynamodb.maxAttempts,
    requestHandler: {
      connectionTimeout: config.dynamodb.connectTimeoutMs,
      requestTimeout: config.dynamodb.requestTimeoutMs,
      // Without it, an exceeded request timeout only logs a warning and the request waits on.
      throwOnRequestTimeout: true,
    },
    ...(local
      ? { endpoint: config.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
