/**
 * Reading and changing a project: read it, decide with the domain's rules, and write
 * conditioned on the version read. When a concurrent write changed the project in between,
 * read again and decide again: a write is never based on a stale read, and a title lock is
 * never left behind.
 */

import {
  changed,
  deleted,
  type Expectations,
  expectLive,
  type Project,
  type ProjectChanges,
  restored,
} from '../domain/project';
import type {
  ListOptions,
  ProjectEditor,
  ProjectLister,
  ProjectPage,
  ProjectReader,
  StoredProject,
} from '../domain/repository';
import { reject, serviceUnavailable } from '../errors/rejections';
import { backoffMs, sleep } from '../retry/backoff';

/** How often a read-then-conditional-write is tried when a concurrent write slips in between. */
export const OPTIMISTIC_ATTEMPTS = 5;

/** Reads, decides (`decide` returns the project to write, or undefined to write nothing), writes. */
async function readDecideWrite(
  repository: ProjectEditor,
  owner: string,
  id: string,
  decide: (current: StoredProject | undefined) => { current: StoredProject; next: Project } | Project,
): Promise<Project> {
  for (let attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt += 1) {
    const decision = decide(await repository.readProject(owner, id));
    if (!('next' in decision)) return decision;
    const verdict = await repository.replaceProject(owner, decision.current, decision.next);
    if (verdict === 'replaced') return decision.next;
    if (verdict === 'title-taken') throw reject('PROJECT_TITLE_CONFLICT');
    if (attempt < OPTIMISTIC_ATTEMPTS) await sleep(backoffMs(attempt));
  }
  throw serviceUnavailable();
}

export async function getProject(repository: ProjectReader, owner: string, id: string): Promise<Project> {
  return expectLive((await repository.readProject(owner, id))?.project);
}

export function listProjects(repository: ProjectLister, owner: string, options: ListOptions): Promise<ProjectPage> {
  return repository.listProjects(owner, options);
}

/** Which project of whose, and what the client expects of it (its version, an If-Match). */
export interface ProjectRequest {
  owner: string;
  id: string;
  expect: Expectations;
}

/** A new title is taken in the same transaction that frees the old one. */
export function updateProject(
  repository: ProjectEditor,
  { owner, id, expect, changes }: ProjectRequest & { changes: ProjectChanges },
): Promise<Project> {
  return readDecideWrite(repository, owner, id, (current) => {
    const project = expectLive(current?.project, expect);
    const next = changed(project, changes);
    return next && current ? { current, next } : project;
  });
}

/** Soft delete: the project stays, in the trash, and its title is freed. */
export async function deleteProject(repository: ProjectEditor, { owner, id, expect }: ProjectRequest) {
  await readDecideWrite(repository, owner, id, (current) => {
    const project = expectLive(current?.project, expect);
    return { current: current as StoredProject, next: deleted(project) };
  });
}

/** A deleted project comes back if its title is still free. */
export function restoreProject(repository: ProjectEditor, owner: string, id: string): Promise<Project> {
  return readDecideWrite(repository, owner, id, (current) => {
    const next = restored(current?.project);
    return { current: current as StoredProject, next };
  });
}
