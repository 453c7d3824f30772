/**
 * Creating projects on DynamoDB: each project and its title lock (and a joined write, such as
 * a key's record) in one TransactWriteItems, the lock conditioned on `attribute_not_exists(pk)`,
 * so the database itself refuses a second live holder of a title, whatever the concurrency.
 */

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProjectCreator } from '../domain/repository';
import { titleKey } from '../domain/titles';
import { itemWriter, type ProjectItem, type TransactItem, toProject } from './items';
import { transact } from './transact';

export function createProjectCreator(client: DynamoDBDocumentClient, tableName: string): ProjectCreator {
  const write = itemWriter(tableName);

  return {
    async createProjects(owner, projects, joined) {
      const items: [string, TransactItem][] = [];
      projects.forEach((project, index) => {
        const key = titleKey(project.title);
        // Stryker disable next-line StringLiteral: no code asks for a project item by name (its condition fails only on an id collision, which is unexpected whatever it is called)
        items.push([`project ${index}`, write.projectPut(owner, project, key)]);
        items.push([`lock ${index}`, write.lockPut(owner, key, project.id)]);
      });
      if (joined) items.push(['joined', joined.write as TransactItem]);
      const failed = await transact(client, items);
      if (!failed) return { kind: 'created' };
      // The joined write first: a retry of a create that committed finds its own locks taken too.
      if (joined && failed.failed('joined')) return { kind: 'held', held: joined.held(failed.oldItem('joined')) };
      const taken = projects.flatMap((_, index) => (failed.failed(`lock ${index}`) ? [index] : []));
      if (taken.length > 0) return { kind: 'conflict', taken };
      throw new Error(`create transaction cancelled unexpectedly: ${failed.describe()}`);
    },

    async takenTitles(owner, titleKeys) {
      // Condition checks only: nothing is written, and the reasons name each held title.
      const failed = await transact(
        client,
        titleKeys.map((key, index) => [`lock ${index}`, write.lockCheck(owner, key)] as const),
      );
      return failed ? titleKeys.flatMap((_, index) => (failed.failed(`lock ${index}`) ? [index] : [])) : [];
    },

    async createPlanned(owner, project) {
      const key = titleKey(project.title);
      const put = write.projectPut(owner, project, key);
      const failed = await transact(client, [
        ['project', { Put: { ...put.Put, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } }],
        ['lock', write.lockPut(owner, key, project.id)],
      ]);
      if (!failed) return { kind: 'created', project };
      // An earlier attempt under the same key created it (it may have changed since).
      if (failed.failed('project'))
        return { kind: 'created', project: toProject(failed.oldItem('project') as unknown as ProjectItem) };
      // The only other condition: the title's lock is held.
      return { kind: 'conflict' };
    },
  };
}
