import { listProjects as list } from '../lib/app/lifecycle';
import { config } from '../lib/config';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { httpHandler } from '../lib/http/handler';
import type { ApiRequest } from '../lib/http/types';
import { type ListProjectsParams, ListProjectsQuery } from '../lib/schemas';
import { projectLister } from '../lib/store';
import { validator } from '../lib/validation';

/** GET /projects: the owner's live (or, with deleted=true, deleted) projects, newest first. */
async function listProjects({ owner, query }: ApiRequest<undefined, ListProjectsParams>) {
  const { limit, deleted, cursor } = query;
  const after = cursor === undefined ? undefined : decodeCursor(config.cursorSecret, owner, deleted, cursor);
  const page = await list(projectLister, owner, { limit, deleted, ...(after ? { after } : {}) });
  return {
    status: 200,
    data: {
      items: page.items,
      nextCursor: page.next ? encodeCursor(config.cursorSecret, owner, deleted, page.next) : null,
    },
  };
}

export const handler = httpHandler(listProjects, { route: 'GET /projects', query: validator(ListProjectsQuery) });
