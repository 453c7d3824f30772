/**
 * `npm run check-consistency [-- --endpoint URL] [--table NAME] [--region REGION] [--aws] [--fix-title-keys]`
 *
 * `--fix-title-keys` first moves every project whose stored title key is not what the
 * current title rules make of its title to the right key (lib/app/migrate-title-keys.ts),
 * then checks: the migration to run after a change of the title rules is deployed.
 *
 * Scans a projects table and reports every violation of its invariants (see
 * lib/dynamodb/consistency.ts). Default: the local stack's table on DynamoDB Local
 * (DYNAMODB_ENDPOINT, else http://127.0.0.1:8000). `--aws` scans a deployed table with the
 * default AWS credentials. Exit status: 0 clean, 1 violations, 2 could not check.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { progress } from '../bench/progress';
import { migrateTitleKeys } from '../lib/app/migrate-title-keys';
import { findViolations } from '../lib/dynamodb/consistency';
import { type ProjectItem, toStored } from '../lib/dynamodb/items';
import { createRepository } from '../lib/dynamodb/repository';
import { scanTable } from '../lib/dynamodb/scan';
import { localClient, localTableName } from '../local-stack/table';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      endpoint: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
      aws: { type: 'boolean', default: false },
      'fix-title-keys': { type: 'boolean', default: false },
    },
  });
  const tableName = values.table ?? localTableName();
  const client = values.aws
    ? new DynamoDBClient({ region: values.region ?? process.env.AWS_REGION ?? 'us-east-1' })
    : localClient(values.endpoint ?? process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000');
  const doc = DynamoDBDocumentClient.from(client);
  try {
    if (values['fix-title-keys']) {
      const scanned = progress('title keys: items scanned');
      const projects = (await scanTable(doc, tableName, (count) => scanned.tick(count)))
        .filter((item) => item.type === 'project')
        .map((item) => ({ owner: String(item.owner), stored: toStored(item as unknown as ProjectItem) }));
      scanned.done();
      const report = await migrateTitleKeys(createRepository(doc, tableName), projects);
      process.stdout.write(
        `title keys: ${report.unchanged} right, ${report.rekeyed} moved, ${report.stale} changed meanwhile, ${report.conflicts.length} conflicts\n`,
      );
      for (const c of report.conflicts) {
        process.stdout.write(
          `CONFLICT owner ${c.owner}: project ${c.id} "${c.title}" is now the title of another live project; rename one\n`,
        );
      }
    }
    const shown = progress('items scanned');
    const items = await scanTable(doc, tableName, (count) => shown.tick(count));
    shown.done();
    const violations = findViolations(items);
    const counts = items.reduce<Record<string, number>>((acc, item) => {
      const type = String(item.type ?? 'unknown');
      acc[type] = (acc[type] ?? 0) + 1;
      return acc;
    }, {});
    process.stdout.write(`table ${tableName}: ${items.length} items ${JSON.stringify(counts)}\n`);
    for (const violation of violations) process.stdout.write(`VIOLATION ${violation}\n`);
    process.stdout.write(`${violations.length} violations\n`);
    return violations.length === 0 ? 0 : 1;
  } finally {
    doc.destroy();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`could not check: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
