/**
 * Section 5: the seed's way, side by side. A "check, then insert" create (Query the owner's
 * projects for the title, then Put if none came back) against ours (one TransactWriteItems
 * with a conditioned title lock), under the same concurrent duplicate load on the same
 * DynamoDB Local: TITLES titles, each created ATTEMPTS times at once.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { newProject } from '../lib/domain/project';
import { titleKey } from '../lib/domain/titles';
import { keys } from '../lib/dynamodb/keys';
import { createRepository } from '../lib/dynamodb/repository';
import { ensureTable, localClient } from '../local-stack/table';

export const TITLES = 200;
export const ATTEMPTS = 5;

export interface RaceReport {
  attempts: number;
  titles: number;
  projectsCreated: number;
  duplicatesLetThrough: number;
  requestsPerCreate: number;
}

function counting(doc: DynamoDBDocumentClient) {
  let requests = 0;
  doc.middlewareStack.add(
    (next) => async (args) => {
      requests += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return () => requests;
}

async function race(
  create: (owner: string, title: string) => Promise<boolean>,
): Promise<{ created: Map<string, number> }> {
  const created = new Map<string, number>();
  const jobs: (() => Promise<void>)[] = [];
  for (let t = 0; t < TITLES; t += 1) {
    for (let a = 0; a < ATTEMPTS; a += 1) {
      jobs.push(async () => {
        if (await create('race-owner', `Title ${t}`)) created.set(`Title ${t}`, (created.get(`Title ${t}`) ?? 0) + 1);
      });
    }
  }
  // The attempts at one title start together; 50 requests in flight at a time.
  let index = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (index < jobs.length) {
        const job = jobs[index];
        index += 1;
        await job?.();
      }
    }),
  );
  return { created };
}

const report = (created: Map<string, number>, requests: number): RaceReport => {
  const projects = [...created.values()].reduce((a, b) => a + b, 0);
  return {
    attempts: TITLES * ATTEMPTS,
    titles: TITLES,
    projectsCreated: projects,
    duplicatesLetThrough: projects - created.size,
    requestsPerCreate: requests / (TITLES * ATTEMPTS),
  };
};

export async function benchCheckThenInsert(endpoint: string): Promise<{ seed: RaceReport; ours: RaceReport }> {
  const admin = localClient(endpoint);
  const seedTable = `seed-${Date.now()}`;
  const ourTable = `ours-${Date.now()}`;
  await ensureTable(admin, seedTable);
  await ensureTable(admin, ourTable);
  admin.destroy();

  // The seed's way: read, decide, write; nothing ties the write to what was read.
  const seedDoc = DynamoDBDocumentClient.from(localClient(endpoint));
  const seedRequests = counting(seedDoc);
  const seed = await race(async (owner, title) => {
    const { Items = [] } = await seedDoc.send(
      new QueryCommand({
        TableName: seedTable,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :projects)',
        FilterExpression: 'titleKey = :key',
        ExpressionAttributeValues: { ':pk': keys.owner(owner), ':projects': 'PROJECT#', ':key': titleKey(title) },
      }),
    );
    if (Items.length > 0) return false;
    const id = randomUUID();
    await seedDoc.send(
      new PutCommand({
        TableName: seedTable,
        Item: { pk: keys.owner(owner), sk: keys.project(id), type: 'project', title, titleKey: titleKey(title) },
      }),
    );
    return true;
  });
  const seedCount = seedRequests();
  seedDoc.destroy();

  const ourDoc = DynamoDBDocumentClient.from(localClient(endpoint));
  const ourRequests = counting(ourDoc);
  const repository = createRepository(ourDoc, ourTable);
  const ours = await race(async (owner, title) => {
    const outcome = await repository.createProjects(owner, [newProject({ title, description: '' })]);
    return outcome.kind === 'created';
  });
  const ourCount = ourRequests();
  ourDoc.destroy();
  return { seed: report(seed.created, seedCount), ours: report(ours.created, ourCount) };
}
