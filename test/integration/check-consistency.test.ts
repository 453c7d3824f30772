/** `npm run check-consistency` finds what breaks the invariants, and exits accordingly. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as createHandler } from '../../functions/create-project';
import { keys } from '../../lib/dynamodb/keys';
import { invoke } from '../support/lambda';
import { useTable } from '../support/table';

const table = useTable();
const ROOT = join(__dirname, '..', '..');

async function check(): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/check-consistency.ts', '--endpoint', process.env.DYNAMODB_ENDPOINT ?? '', '--table', table.name],
      { cwd: ROOT },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('npm run check-consistency', () => {
  it('reports a clean table and exits 0', async () => {
    await invoke(createHandler, { owner: 'checked', body: { title: 'Fine' } });
    const { code, stdout } = await check();
    expect(code).toBe(0);
    expect(stdout).toContain('0 violations');
  });

  it('reports each broken invariant and exits 1', async () => {
    const first = await invoke(createHandler, { owner: 'broken', body: { title: 'Orphaned' } });
    const second = await invoke(createHandler, { owner: 'broken', body: { title: 'Second' } });
    // A live project without its lock, a lock without its project, and a duplicate live title.
    await table.doc.send(
      new DeleteCommand({ TableName: table.name, Key: { pk: keys.owner('broken'), sk: keys.titleLock('orphaned') } }),
    );
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          pk: keys.owner('broken'),
          sk: keys.titleLock('ghost'),
          type: 'titleLock',
          owner: 'broken',
          titleKey: 'ghost',
          projectId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
        },
      }),
    );
    const copy = { ...second.json.data, id: '01ARZ3NDEKTSV4RRFFQ69G5FAW' };
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: {
          ...copy,
          pk: keys.owner('broken'),
          sk: keys.project(copy.id),
          type: 'project',
          owner: 'broken',
          titleKey: 'second',
        },
      }),
    );
    const { code, stdout } = await check();
    expect(code).toBe(1);
    expect(stdout).toContain(`project ${first.json.data.id}: live but no title lock`);
    expect(stdout).toContain('points at missing project 01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(stdout).toContain('share the title "second"');
  });
});
