/**
 * After the title rules change, `npm run check-consistency -- --fix-title-keys` moves every
 * stored key to what the rules make of its title, with its lock, and reports the live projects
 * that became the same title. The keys here are written as earlier rules wrote them: with
 * default-ignorable characters kept, and with case folded by `toUpperCase().toLowerCase()`.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as createHandler } from '../../functions/create-project';
import { handler as restoreHandler } from '../../functions/restore-project';
import { findViolations } from '../../lib/dynamodb/consistency';
import { keys, listingKeys } from '../../lib/dynamodb/keys';
import { invoke } from '../support/lambda';
import { useTable } from '../support/table';

const table = useTable();
const ROOT = join(__dirname, '..', '..');

async function fix(): Promise<{ code: number; stdout: string }> {
  const args = [
    'scripts/check-consistency.ts',
    '--endpoint',
    process.env.DYNAMODB_ENDPOINT ?? '',
    '--table',
    table.name,
  ];
  try {
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [...args, '--fix-title-keys'],
      {
        cwd: ROOT,
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

/** A project as the code before the change stored it: the old key (invisible characters kept), and its lock. */
async function legacyProject(
  owner: string,
  id: string,
  title: string,
  oldKey: string,
  deletedAt: string | null = null,
) {
  const project = {
    id,
    title,
    description: '',
    version: deletedAt ? 2 : 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt,
  };
  await table.doc.send(
    new PutCommand({
      TableName: table.name,
      Item: {
        pk: keys.owner(owner),
        sk: keys.project(id),
        type: 'project',
        owner,
        titleKey: oldKey,
        ...listingKeys(owner, project),
        ...project,
      },
    }),
  );
  if (deletedAt) return;
  await table.doc.send(
    new PutCommand({
      TableName: table.name,
      Item: {
        pk: keys.owner(owner),
        sk: keys.titleLock(oldKey),
        type: 'titleLock',
        owner,
        titleKey: oldKey,
        projectId: id,
      },
    }),
  );
}

describe('check-consistency --fix-title-keys', () => {
  it('moves old keys to the new rules, with their locks, and reports titles that became one', async () => {
    await legacyProject('alice', '01ARZ3NDEKTSV4RRFFQ69G5FA1', 'Plan\u200b', 'plan\u200b');
    await legacyProject(
      'alice',
      '01ARZ3NDEKTSV4RRFFQ69G5FA2',
      'Old\u00adnotes',
      'old\u00adnotes',
      '2026-02-01T00:00:00.000Z',
    );
    await legacyProject('bob', '01ARZ3NDEKTSV4RRFFQ69G5FA3', 'Road map', 'road map');
    await legacyProject('bob', '01ARZ3NDEKTSV4RRFFQ69G5FA4', 'Road\u2060 map', 'road\u2060 map');
    expect(findViolations(await table.scan()).length).toBeGreaterThan(0);

    const { code, stdout } = await fix();
    expect(stdout).toContain('title keys: 1 right, 2 moved, 0 changed meanwhile, 1 conflicts');
    expect(stdout).toContain('CONFLICT owner bob: project 01ARZ3NDEKTSV4RRFFQ69G5FA4');
    expect(code).toBe(1);
    // What is left is the one conflict a person must settle, nothing else.
    const left = findViolations(await table.scan());
    expect(
      left.every((violation) => violation.includes('01ARZ3NDEKTSV4RRFFQ69G5FA4') || violation.includes('road map')),
    ).toBe(true);

    // Alice's keys are right: "Plan" is taken, and the deleted project comes back under its new key.
    const again = await invoke(createHandler, { owner: 'alice', body: { title: 'Plan' } });
    expect(again.status).toBe(409);
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FA2';
    const path = `/projects/${id}/restore`;
    expect((await invoke(restoreHandler, { owner: 'alice', path, pathParameters: { id } })).status).toBe(200);
    expect((await invoke(createHandler, { owner: 'alice', body: { title: 'oldnotes' } })).status).toBe(409);
    const aliceItems = (await table.scan()).filter((item) => item.owner === 'alice');
    expect(findViolations(aliceItems)).toEqual([]);
  });

  it('moves keys folded by toUpperCase().toLowerCase() to full case folding: ẞ meets ss, ı leaves i', async () => {
    await legacyProject('carol', '01ARZ3NDEKTSV4RRFFQ69G5FB1', 'STRAẞE', 'straße');
    await legacyProject('carol', '01ARZ3NDEKTSV4RRFFQ69G5FB2', 'straße', 'strasse');
    await legacyProject('carol', '01ARZ3NDEKTSV4RRFFQ69G5FB3', 'ılık', 'ilik');

    const { code, stdout } = await fix();
    expect(stdout).toContain('CONFLICT owner carol: project 01ARZ3NDEKTSV4RRFFQ69G5FB1');
    expect(code).toBe(1);
    const moved = (await table.scan()).find((item) => item.id === '01ARZ3NDEKTSV4RRFFQ69G5FB3');
    expect(moved?.titleKey).toBe('ılık');
    // The dotted "ilik" is another word, free again ("ILIK" folds to it); "ılık" keeps its lock under its new key.
    expect((await invoke(createHandler, { owner: 'carol', body: { title: 'ilik' } })).status).toBe(201);
    expect((await invoke(createHandler, { owner: 'carol', body: { title: 'ILIK' } })).status).toBe(409);
    expect((await invoke(createHandler, { owner: 'carol', body: { title: 'ılık' } })).status).toBe(409);
  });

  it('moves keys that kept characters that show nothing: a blank pattern, annotation or format controls', async () => {
    await legacyProject('dana', '01ARZ3NDEKTSV4RRFFQ69G5FC1', 'Plan', 'plan');
    await legacyProject('dana', '01ARZ3NDEKTSV4RRFFQ69G5FC2', 'Plan\u2800', 'plan\u2800');
    await legacyProject('dana', '01ARZ3NDEKTSV4RRFFQ69G5FC3', 'Pl\uFFF9an notes', 'pl\ufff9an notes');

    const { code, stdout } = await fix();
    expect(stdout).toContain('CONFLICT owner dana: project 01ARZ3NDEKTSV4RRFFQ69G5FC2');
    expect(code).toBe(1);
    const moved = (await table.scan()).find((item) => item.id === '01ARZ3NDEKTSV4RRFFQ69G5FC3');
    expect(moved?.titleKey).toBe('plan notes');
    expect((await invoke(createHandler, { owner: 'dana', body: { title: 'PLAN NOTES' } })).status).toBe(409);
  });

  it('changes nothing of a project whose key is right already', async () => {
    const fresh = `fresh-${Date.now()}`;
    expect((await invoke(createHandler, { owner: fresh, body: { title: 'Right already' } })).status).toBe(201);
    const before = (await table.scan()).filter((item) => item.owner === fresh);
    await fix();
    const after = (await table.scan()).filter((item) => item.owner === fresh);
    expect(after).toEqual(before);
  });
});
