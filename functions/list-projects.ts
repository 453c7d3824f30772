import { listProjects } from '../lib/app/lifecycle';
import { cursorSecrets, projectLister } from '../lib/composition/repositories';
import { mintCursor, readCursor } from '../lib/cursor/token';
import { httpHandler } from '../lib/http/handler';
import type { ApiRequest } from '../lib/http/types';
import { type ListProjectsParams, ListProjectsQuery } from '../lib/validation/schemas';
import { validator } from '../lib/validation/validate';

/** GET /projects: the owner's live (or, with deleted=true, deleted) projects, newest first. */
async function endpoint({ owner, query }: ApiRequest<undefined, ListProjectsParams>) {
  const { limit, deleted, cursor } = query;
  const after = cursor === undefined ? undefined : await readCursor(cursorSecrets, owner, deleted, cursor);
  const page = await listProjects(projectLister, owner, { limit, deleted, ...(after ? { after } : {}) });
  return {
    status: 200,
    data: {
      items: page.items,
      nextCursor: page.next ? await mintCursor(cursorSecrets, owner, deleted, page.next) : null,
    },
  };
}

export const handler = httpHandler(endpoint, { route: 'GET /projects', query: validator(ListProjectsQuery) });
