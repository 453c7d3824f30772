/**
 * replaceProject on DynamoDB Local: a change is written only over the version and state that
 * were read, and moves the title lock in the same request.
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { changed, deleted, newProject } from '../../../lib/domain/project';
import type { StoredProject } from '../../../lib/domain/repository';
import { titleKey } from '../../../lib/domain/titles';
import { lockKey } from '../../../lib/dynamodb/keys';
import { createRepository } from '../../../lib/dynamodb/repository';
import { isRejectionOf } from '../../../lib/errors/rejections';
import { faultyDocumentClient, throttling } from '../../support/faulty-client';
import { freshOwner } from '../../support/owners';
import { useTable } from '../../support/table';

const table = useTable();
const repository = createRepository(table.doc, table.name);

/** A project created for a fresh owner, as the use cases read it. */
async function stored(title: string): Promise<{ owner: string; current: StoredProject }> {
  const owner = freshOwner();
  const project = newProject({ title, description: 'first' });
  await repository.createProjects(owner, [project]);
  const current = await repository.readProject(owner, project.id);
  if (!current) throw new Error('not stored');
  return { owner, current };
}

const edit = (current: StoredProject, changes: { title?: string; description?: string }) => {
  const next = changed(current.project, changes);
  if (!next) throw new Error('no change');
  return next;
};

describe('replaceProject', () => {
  it('answers stale and writes nothing when the project changed since it was read (same title)', async () => {
    const { owner, current } = await stored('Stale edit');
    expect(await repository.replaceProject(owner, current, edit(current, { description: 'second' }))).toBe('replaced');
    expect(await repository.replaceProject(owner, current, edit(current, { description: 'third' }))).toBe('stale');
    expect((await repository.readProject(owner, current.project.id))?.project).toMatchObject({
      description: 'second',
      version: 2,
    });
  });

  it('answers stale and moves no lock when the project changed since it was read (new title)', async () => {
    const { owner, current } = await stored('Stale rename');
    expect(await repository.replaceProject(owner, current, edit(current, { description: 'second' }))).toBe('replaced');
    expect(await repository.replaceProject(owner, current, edit(current, { title: 'Renamed' }))).toBe('stale');
    expect(await repository.takenTitles(owner, [titleKey('Stale rename'), titleKey('Renamed')])).toEqual([0]);
  });

  it('answers title-taken when another live project holds the new title', async () => {
    const { owner, current } = await stored('Mine');
    await repository.createProjects(owner, [newProject({ title: 'Theirs', description: '' })]);
    expect(await repository.replaceProject(owner, current, edit(current, { title: 'theirs' }))).toBe('title-taken');
  });

  it('throws, naming the reasons, when the lock to free is not the project’s (inconsistent data)', async () => {
    const { owner, current } = await stored('Lockless');
    await table.doc.send(new DeleteCommand({ TableName: table.name, Key: lockKey(owner, current.titleKey) }));
    await expect(repository.replaceProject(owner, current, edit(current, { title: 'Moved' }))).rejects.toThrow(
      'project change cancelled unexpectedly: None,ConditionalCheckFailed,None',
    );
    await expect(repository.replaceProject(owner, current, deleted(current.project))).rejects.toThrow(
      'project change cancelled unexpectedly: None,ConditionalCheckFailed',
    );
  });

  it('answers 503 for a passing fault of a change without a new title, once, never as stale', async () => {
    const { owner, current } = await stored('Throttled');
    const { doc, faults, close } = faultyDocumentClient();
    faults.on(UpdateCommand).rejects(throttling());
    const failure = await createRepository(doc, table.name)
      .replaceProject(owner, current, edit(current, { description: 'second' }))
      .then(
        (outcome) => outcome,
        (error: unknown) => error,
      );
    expect(isRejectionOf(failure, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(faults.commandCalls(UpdateCommand)).toHaveLength(1);
    close();
  });
});
