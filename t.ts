import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:net';
async function main() {
  const c = new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 2, requestHandler: { connectionTimeout: 300, requestTimeout: 300 } });
  try { await c.send(new ListTablesCommand({})); } catch (e: any) { console.log('refused:', e.name, e.code, e.$retryable, e.$metadata, e.constructor.name, Object.keys(e)); }
  const server = createServer(() => {}); await new Promise<void>((r) => server.listen(45123, '127.0.0.1', r));
  const c2 = new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:45123', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 2, requestHandler: { connectionTimeout: 300, requestTimeout: 300 } });
  const t = Date.now();
  try { await c2.send(new ListTablesCommand({})); } catch (e: any) { console.log('hang:', Date.now() - t, e.name, e.code, e.$metadata); }
  server.close(); process.exit(0);
}
main();
