import { config } from './config';
import { ProjectNotFoundError } from './errors';
import { isProjectId } from './ids';
import { createDocumentClient, createRepository } from './repository';

/** The DynamoDB client of every function, built once per cold start from the config. */
export const dynamo = createDocumentClient(config);

/** The repository every function uses. */
export const repository = createRepository(dynamo, config.tableName);

/**
 * The `{id}` of a project route. An id that cannot exist (malformed, too long, with
 * delimiters or encoded slashes) names no project: 404, exactly as a missing one.
 */
export function projectIdOf(pathParameters: Readonly<Record<string, string | undefined>>): string {
  const id = pathParameters.id;
  if (!isProjectId(id)) throw new ProjectNotFoundError();
  return id;
}
