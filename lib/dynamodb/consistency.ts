/**
 * The table's invariants, checked over a full scan:
 *  - every live project has exactly one title lock, pointing back at it, keyed by its title key;
 *  - every title lock points at a live project of the same owner with that title key;
 *  - no owner has two live projects with one title key;
 *  - every completed idempotency record points at projects that exist.
 */
import { titleKey } from '../domain/titles';
import { keys } from './keys';

type Item = Record<string, unknown>;

export function findViolations(items: readonly Item[]): string[] {
  const violations: string[] = [];
  const projects = items.filter((item) => item.type === 'project');
  const locks = items.filter((item) => item.type === 'titleLock');
  const locksByKey = new Map(locks.map((lock) => [`${lock.pk}|${lock.sk}`, lock]));
  const projectsById = new Map(projects.map((project) => [`${project.pk}|${project.id}`, project]));
  const liveTitles = new Map<string, string>();

  for (const project of projects) {
    const owner = String(project.owner);
    const key = titleKey(String(project.title));
    if (project.pk !== keys.owner(owner) || project.sk !== keys.project(String(project.id))) {
      violations.push(`project ${project.id}: key does not match owner and id`);
    }
    if (project.titleKey !== key) violations.push(`project ${project.id}: stored title key is not the title's key`);
    if (project.deletedAt !== null && project.deletedAt !== undefined) continue;
    const ownerTitle = `${owner}|${key}`;
    const other = liveTitles.get(ownerTitle);
    if (other) violations.push(`owner ${owner}: live projects ${other} and ${project.id} share the title "${key}"`);
    liveTitles.set(ownerTitle, String(project.id));
    const lock = locksByKey.get(`${keys.owner(owner)}|${keys.titleLock(key)}`);
    if (!lock) violations.push(`project ${project.id}: live but no title lock`);
    else if (lock.projectId !== project.id) {
      violations.push(`project ${project.id}: its title lock points at ${String(lock.projectId)}`);
    }
  }
  for (const lock of locks) {
    const project = projectsById.get(`${lock.pk}|${lock.projectId}`);
    if (!project) violations.push(`lock ${lock.sk} of ${lock.pk}: points at missing project ${String(lock.projectId)}`);
    else if (project.deletedAt !== null && project.deletedAt !== undefined) {
      violations.push(`lock ${lock.sk} of ${lock.pk}: points at deleted project ${String(lock.projectId)}`);
    } else if (lock.sk !== keys.titleLock(titleKey(String(project.title)))) {
      violations.push(`lock ${lock.sk} of ${lock.pk}: does not match the title of project ${String(lock.projectId)}`);
    }
  }
  for (const record of items.filter((item) => item.type === 'idempotency')) {
    if (record.state !== 'complete') continue; // a pending best-effort batch is resumed by its retry
    for (const id of (record.projectIds as string[] | undefined) ?? []) {
      if (!projectsById.has(`${record.pk}|${id}`)) {
        violations.push(`idempotency record ${record.sk} of ${record.pk}: points at missing project ${id}`);
      }
    }
  }
  return violations;
}
