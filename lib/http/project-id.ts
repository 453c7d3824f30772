import { isProjectId } from '../domain/ids';
import { reject } from '../errors/rejections';

/**
 * The `{id}` of a project route. An id that cannot exist (malformed, too long, with
 * delimiters or encoded slashes) names no project: 404, exactly as a missing one.
 */
export function projectIdOf(pathParameters: Readonly<Record<string, string | undefined>>): string {
  const id = pathParameters.id;
  if (!isProjectId(id)) throw reject('PROJECT_NOT_FOUND');
  return id;
}
