/**
 * The answers of the create routes, built from what the use cases make: a project or projects
 * created. They are built before the write, because a key's record stores the answer exactly as
 * it is sent, in the transaction that creates the projects; a replay sends those same bytes.
 */
import type { Project } from '../domain/project';
import { etag } from './conditional';

/** 201 with the project, where it lives and its version. */
export const projectCreated = (project: Project) => ({
  status: 201,
  data: project,
  headers: { location: `/projects/${project.id}`, etag: etag(project.version) },
});

/** 201 with the projects of an atomic batch, in request order. */
export const batchCreated = (items: Project[]) => ({ status: 201, data: { items } });
