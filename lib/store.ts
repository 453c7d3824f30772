/**
 * The composition root of the functions: the DynamoDB client and the repository, built once
 * per cold start from the config, and the `{id}` of a project route.
 */
import { config } from './config';
import { isProjectId } from './domain/ids';
import { createDocumentClient } from './dynamodb/client';
import { createRepository } from './dynamodb/repository';
import { reject } from './errors/rejections';

/** The DynamoDB client of every function. */
export const dynamo = createDocumentClient(config);

/** The repository every function uses. */
export const repository = createRepository(dynamo, config.tableName);

/**
 * The `{id}` of a project route. An id that cannot exist (malformed, too long, with
 * delimiters or encoded slashes) names no project: 404, exactly as a missing one.
 */
export function projectIdOf(pathParameters: Readonly<Record<string, string | undefined>>): string {
  const id = pathParameters.id;
  if (!isProjectId(id)) throw reject('PROJECT_NOT_FOUND');
  return id;
}
