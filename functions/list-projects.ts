import { listProjects as list } from '../lib/app/lifecycle';
import { mintCursor, readCursor } from '../lib/cursor';
import { httpHandler } from '../lib/http/handler';
import type { ApiRequest } from '../lib/http/types';
import { type ListProjectsParams, ListProjectsQuery } from '../lib/schemas';
import { cursorSecrets, projectLister } from '../lib/store';
import { validator } from '../lib/validation';

/** GET /projects: the owner's live (or, with deleted=true, deleted) projects, newest first. */
async function listProjects({ owner, query }: ApiRequest<undefined, ListProjectsParams>) {
  const { limit, deleted, cursor } = query;
  const after = cursor === undefined ? undefined : await readCursor(cursorSecrets, owner, deleted, cursor);
  const page = await list(projectLister, owner, { limit, deleted, ...(after ? { after } : {}) });
  return {
    status: 200,
    data: {
      items: page.items,
      nextCursor: page.next ? await mintCursor(cursorSecrets, owner, deleted, page.next) : null,
    },
  };
}

export const handler = httpHandler(listProjects, { route: 'GET /projects', query: validator(ListProjectsQuery) });
