/**
 * A project and its lifecycle: created live (version 1), changed, soft-deleted (which frees
 * its title), restored (which takes it again). Each transition is a pure function from the
 * project as read to the project as it must be written, or the rejection that forbids it.
 */
import { reject } from '../errors/rejections';
import { newId } from './ids';

export interface Project {
  id: string;
  title: string;
  description: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface NewProject {
  title: string;
  description: string;
}

export interface ProjectChanges {
  title?: string;
  description?: string;
}

/** What the client expects the project to be: `version` from the body, `If-Match` from headers. */
export interface Expectations {
  version?: number;
  /** Whether a version satisfies the client's `If-Match` (absent: any). */
  ifMatch?: (version: number) => boolean;
}

/** A new project, before it is written: id, timestamps, version 1, live. */
export function newProject(input: NewProject, now: Date = new Date(), id: string = newId(now.getTime())): Project {
  const timestamp = now.toISOString();
  return {
    id,
    title: input.title,
    description: input.description,
    version: 1,
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: null,
  };
}

export const isLive = (project: Pick<Project, 'deletedAt'>): boolean =>
  project.deletedAt === null || project.deletedAt === undefined;

/**
 * The live project the client expects, or why not: 404 when missing or deleted, 412 when
 * `If-Match` names another version, 409 when the body's `version` is stale.
 */
export function expectLive(project: Project | undefined, expect: Expectations = {}): Project {
  if (!project || !isLive(project)) throw reject('PROJECT_NOT_FOUND');
  if (expect.ifMatch && !expect.ifMatch(project.version)) throw reject('PRECONDITION_FAILED');
  if (expect.version !== undefined && expect.version !== project.version) throw reject('PROJECT_VERSION_CONFLICT');
  return project;
}

const nextVersion = (project: Project, now: Date) => ({
  version: project.version + 1,
  updatedAt: now.toISOString(),
});

/** The project with its title and/or description changed, or undefined when nothing changes. */
export function changed(project: Project, changes: ProjectChanges, now: Date = new Date()): Project | undefined {
  const title = changes.title ?? project.title;
  const description = changes.description ?? project.description;
  if (title === project.title && description === project.description) return undefined;
  return { ...project, title, description, ...nextVersion(project, now) };
}

/** The project soft-deleted: it keeps everything, and its title is free for others. */
export function deleted(project: Project, now: Date = new Date()): Project {
  return { ...project, deletedAt: now.toISOString(), ...nextVersion(project, now) };
}

/** A deleted project brought back; 409 PROJECT_NOT_DELETED for a live one. */
export function restored(project: Project | undefined, now: Date = new Date()): Project {
  if (!project) throw reject('PROJECT_NOT_FOUND');
  if (isLive(project)) throw reject('PROJECT_NOT_DELETED');
  return { ...project, deletedAt: null, ...nextVersion(project, now) };
}
