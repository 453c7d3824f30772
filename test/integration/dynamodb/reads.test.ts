/** Listing on DynamoDB Local: pages of the listing index, with a next position only when there is more. */
import { newProject } from '../../../lib/domain/project';
import { createRepository } from '../../../lib/dynamodb/repository';
import { freshOwner } from '../../support/owners';
import { useTable } from '../../support/table';

const table = useTable();
const repository = createRepository(table.doc, table.name);

describe('listProjects', () => {
  it('ends a page of exactly the projects there are without a next position, newest first', async () => {
    const owner = freshOwner();
    const projects = ['a', 'b', 'c'].map((title) => newProject({ title, description: '' }));
    for (const project of projects) await repository.createProjects(owner, [project]);
    const newestFirst = projects.map((project) => project.id).reverse();

    const whole = await repository.listProjects(owner, { deleted: false, limit: 3 });
    expect(whole.items.map((project) => project.id)).toEqual(newestFirst);
    expect(whole.next).toBeUndefined();

    const first = await repository.listProjects(owner, { deleted: false, limit: 2 });
    expect(first.items.map((project) => project.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.next).toMatchObject({ id: newestFirst[1] });
    const rest = await repository.listProjects(owner, { deleted: false, limit: 2, after: first.next });
    expect(rest.items.map((project) => project.id)).toEqual(newestFirst.slice(2));
    expect(rest.next).toBeUndefined();
  });
});
