import { type ApiRequest, etag, httpHandler } from '../lib/http';
import { CreateProjectBody, type CreateProjectInput } from '../lib/schemas';
import { repository } from '../lib/store';

/** POST /projects: 201 with the project, or 409 PROJECT_TITLE_CONFLICT for a taken title. */
async function createProject({ owner, body }: ApiRequest<CreateProjectInput>) {
  const project = await repository.createProject(owner, body);
  return {
    status: 201,
    data: project,
    headers: { location: `/projects/${project.id}`, etag: etag(project.version) },
  };
}

export const handler = httpHandler(createProject, { route: 'POST /projects', body: CreateProjectBody });
