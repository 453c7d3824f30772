/**
 * The key layout. One table, three kinds of item under the owner's partition:
 *   project      pk = OWNER#<owner>  sk = PROJECT#<id>
 *   title lock   pk = OWNER#<owner>  sk = TITLE#<sha256(title key)>   (projectId → the holder)
 *   idempotency  pk = OWNER#<owner>  sk = IDEMPOTENCY#<sha256(key)>
 * and the listing index gsi1: OWNER#<owner>#LIVE (or #DELETED) sorted by creation (or deletion).
 */
import { titleKeyDigest } from '../domain/titles';

/**
 * `#` separates the parts of a key and `%` escapes: replacing both makes every owner id
 * map to its own key, so no owner id (`a#TITLE#x`, say) can reach another's items.
 */
export function escapeKeyPart(value: string): string {
  return value.replace(/%/g, '%25').replace(/#/g, '%23');
}

export const keys = {
  owner: (owner: string) => `OWNER#${escapeKeyPart(owner)}`,
  project: (id: string) => `PROJECT#${id}`,
  titleLock: (key: string) => `TITLE#${titleKeyDigest(key)}`,
  idempotency: (digest: string) => `IDEMPOTENCY#${digest}`,
  /** Partition of the listing index: the owner's live (or deleted) projects. */
  listing: (owner: string, state: 'LIVE' | 'DELETED') => `${keys.owner(owner)}#${state}`,
};

export const projectKey = (owner: string, id: string) => ({ pk: keys.owner(owner), sk: keys.project(id) });
export const lockKey = (owner: string, titleKey: string) => ({ pk: keys.owner(owner), sk: keys.titleLock(titleKey) });
export const recordKey = (owner: string, digest: string) => ({ pk: keys.owner(owner), sk: keys.idempotency(digest) });

/** Where a project sits in the listing index: live by creation (id), deleted by deletion time. */
export function listingKeys(owner: string, project: { id: string; deletedAt: string | null }) {
  return project.deletedAt === null || project.deletedAt === undefined
    ? { gsi1pk: keys.listing(owner, 'LIVE'), gsi1sk: keys.project(project.id) }
    : { gsi1pk: keys.listing(owner, 'DELETED'), gsi1sk: `DELETED#${project.deletedAt}#${project.id}` };
}
