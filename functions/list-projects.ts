import { config } from '../lib/config';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { type ApiRequest, httpHandler } from '../lib/http';
import { type ListProjectsParams, ListProjectsQuery } from '../lib/schemas';
import { repository } from '../lib/store';
import { validator } from '../lib/validation';

/** GET /projects: the owner's live (or, with deleted=true, deleted) projects, newest first. */
async function listProjects({ owner, query }: ApiRequest<undefined, ListProjectsParams>) {
  const { limit, deleted, cursor } = query;
  const after = cursor === undefined ? undefined : decodeCursor(config.cursorSecret, owner, deleted, cursor);
  const page = await repository.listProjects(owner, { limit, deleted, ...(after ? { after } : {}) });
  return {
    status: 200,
    data: {
      items: page.items,
      nextCursor: page.next ? encodeCursor(config.cursorSecret, owner, deleted, page.next) : null,
    },
  };
}

export const handler = httpHandler(listProjects, { route: 'GET /projects', query: validator(ListProjectsQuery) });
