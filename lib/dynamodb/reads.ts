/** Reading projects from DynamoDB: one strongly consistent GetItem, or one Query of the listing index. */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ProjectLister, ProjectReader } from '../domain/repository';
import { send } from './failures';
import { type ProjectItem, toProject, toStored } from './items';
import { keys, projectKey } from './keys';

export function createProjectReader(client: DynamoDBDocumentClient, tableName: string): ProjectReader {
  return {
    async readProject(owner, id) {
      const { Item } = await send(() =>
        client.send(new GetCommand({ TableName: tableName, Key: projectKey(owner, id), ConsistentRead: true })),
      );
      return Item ? toStored(Item as ProjectItem) : undefined;
    },
  };
}

export function createProjectLister(client: DynamoDBDocumentClient, tableName: string): ProjectLister {
  return {
    async listProjects(owner, { deleted, limit, after }) {
      const partition = keys.listing(owner, deleted ? 'DELETED' : 'LIVE');
      // One more than asked: whether it comes back tells if there is a next page, so the
      // last page never ends with a cursor to an empty one.
      // Stryker disable next-line ArrayDeclaration: a Query always answers Items, empty when nothing matches
      const { Items = [] } = await send(() =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :partition',
            ExpressionAttributeValues: { ':partition': partition },
            ScanIndexForward: false,
            Limit: limit + 1,
            ...(after
              ? { ExclusiveStartKey: { ...projectKey(owner, after.id), gsi1pk: partition, gsi1sk: after.sortKey } }
              : {}),
          }),
        ),
      );
      const page = (Items as ProjectItem[]).slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toProject),
        next: Items.length > limit && last ? { id: last.id, sortKey: last.gsi1sk } : undefined,
      };
    },
  };
}
