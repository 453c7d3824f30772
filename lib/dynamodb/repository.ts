/**
 * The repository port (lib/domain/repository.ts) on DynamoDB, whole: for the scripts and the
 * tests. Each function builds only the parts it uses (lib/composition/repositories.ts), so that its bundle holds
 * only the DynamoDB commands those parts send.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Repository } from '../domain/repository';
import { createProjectEditor } from './changes';
import { createProjectCreator } from './creates';
import { createProjectLister } from './reads';

export function createRepository(client: DynamoDBDocumentClient, tableName: string): Repository {
  return {
    ...createProjectEditor(client, tableName),
    ...createProjectLister(client, tableName),
    ...createProjectCreator(client, tableName),
  };
}
