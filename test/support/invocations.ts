/** Each route of the API invoked as API Gateway invokes its function, for the integration tests. */
import { handler as createHandler } from '../../functions/create-project';
import { handler as batchHandler } from '../../functions/create-projects-batch';
import { handler as deleteHandler } from '../../functions/delete-project';
import { handler as getHandler } from '../../functions/get-project';
import { handler as listHandler } from '../../functions/list-projects';
import { handler as restoreHandler } from '../../functions/restore-project';
import { handler as updateHandler } from '../../functions/update-project';
import { invoke } from './lambda';

type Headers = Record<string, string>;
const onProject = (method: string, id: string, suffix = '') => ({
  method,
  path: `/projects/${id}${suffix}`,
  routeKey: `${method} /projects/{id}${suffix}`,
  pathParameters: { id },
});

export const createProject = (owner: string, body: unknown, headers: Headers = {}) =>
  invoke(createHandler, { owner, body, headers });
export const createBatch = (owner: string, body: unknown, headers: Headers = {}) =>
  invoke(batchHandler, { owner, path: '/projects/batch', body, headers });
export const listProjects = (owner: string, query: Headers = {}) =>
  invoke(listHandler, { owner, method: 'GET', path: '/projects', query });
export const getProject = (owner: string, id: string) => invoke(getHandler, { owner, ...onProject('GET', id) });
export const patchProject = (owner: string, id: string, body: unknown, headers: Headers = {}) =>
  invoke(updateHandler, { owner, ...onProject('PATCH', id), body, headers });
export const deleteProject = (owner: string, id: string, headers: Headers = {}) =>
  invoke(deleteHandler, { owner, ...onProject('DELETE', id), headers });
export const restoreProject = (owner: string, id: string) =>
  invoke(restoreHandler, { owner, ...onProject('POST', id, '/restore') });
