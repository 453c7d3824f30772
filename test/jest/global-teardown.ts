import type { RunningDynamoDb } from '../../local-stack/dynamodb-local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamo?: RunningDynamoDb }).__dynamo?.stop();
}
