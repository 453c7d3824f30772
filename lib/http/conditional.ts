/** Conditional requests: `If-Match` against a project's version, and the ETag that names it. */

/** `If-Match`: absent (undefined), `*`, or the versions its strong entity tags name. */
export type IfMatch = { any: true } | { any: false; versions: ReadonlySet<number> };

/**
 * Parses `If-Match`. Weak tags (`W/"3"`) and malformed tags never match, as strong
 * comparison requires: they make the precondition fail (412), not the request invalid.
 */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return { any: true };
  const versions = new Set<number>();
  for (const tag of header.split(',')) {
    const match = /^"([1-9][0-9]{0,15})"$/.exec(tag.trim());
    if (match?.[1]) versions.add(Number(match[1]));
  }
  return { any: false, versions };
}

export function ifMatchAllows(ifMatch: IfMatch | undefined, version: number): boolean {
  return ifMatch === undefined || ifMatch.any || ifMatch.versions.has(version);
}

/** The check of a request's `If-Match` header, for the domain's expectations. */
export function ifMatchOf(header: string | undefined): (version: number) => boolean {
  const ifMatch = parseIfMatch(header);
  return (version) => ifMatchAllows(ifMatch, version);
}

/** The ETag of one version of a project. */
export function etag(version: number): string {
  return `"${version}"`;
}
