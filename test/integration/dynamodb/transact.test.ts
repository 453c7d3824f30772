/** The transaction runner on DynamoDB Local: a cancellation is read by the names of its items. */
import { newProject } from '../../../lib/domain/project';
import { itemWriter } from '../../../lib/dynamodb/items';
import { transact } from '../../../lib/dynamodb/transact';
import { freshOwner } from '../../support/owners';
import { useTable } from '../../support/table';

const table = useTable();
const write = itemWriter(table.name);

describe('transact', () => {
  it('reads a failed condition by the name of its item, and refuses a name it does not have', async () => {
    const owner = freshOwner();
    const project = newProject({ title: 'Named', description: '' });
    const items = [
      ['the project', write.projectPut(owner, project, 'named')],
      ['the lock', write.lockPut(owner, 'named', project.id)],
    ] as const;
    expect(await transact(table.doc, items)).toBeUndefined();
    const again = await transact(table.doc, [items[1]]);
    expect(again?.failed('the lock')).toBe(true);
    expect(again?.describe()).toBe('ConditionalCheckFailed');
    expect(() => again?.failed('the project')).toThrow('no transaction item is named the project');
  });
});
