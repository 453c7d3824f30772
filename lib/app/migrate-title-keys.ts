/**
 * Re-keying stored projects after the title rules change: a project whose stored title key
 * is not what the rules now make of its title moves to the right key (its lock with it, in
 * one transaction, conditioned on the version read). Titles are never changed: two live
 * projects that the new rules make the same title are reported, for a person to rename one.
 */
import type { ProjectEditor, StoredProject } from '../domain/repository';
import { titleKey } from '../domain/titles';

export interface OwnedProject {
  owner: string;
  stored: StoredProject;
}

export interface MigrationReport {
  /** Projects whose key was right already. */
  unchanged: number;
  /** Projects moved to the right key. */
  rekeyed: number;
  /** Projects changed by someone else meanwhile (their writer gave them the right key). */
  stale: number;
  /** Live projects whose right key another live project of the owner holds. */
  conflicts: { owner: string; id: string; title: string }[];
}

export async function migrateTitleKeys(
  repository: ProjectEditor,
  projects: readonly OwnedProject[],
): Promise<MigrationReport> {
  const report: MigrationReport = { unchanged: 0, rekeyed: 0, stale: 0, conflicts: [] };
  for (const { owner, stored } of projects) {
    if (titleKey(stored.project.title) === stored.titleKey) {
      report.unchanged += 1;
      continue;
    }
    const verdict = await repository.replaceProject(owner, stored, stored.project);
    if (verdict === 'replaced') report.rekeyed += 1;
    else if (verdict === 'stale') report.stale += 1;
    else report.conflicts.push({ owner, id: stored.project.id, title: stored.project.title });
  }
  return report;
}
