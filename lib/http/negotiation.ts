/** Content negotiation: the language of the texts, the format of failures, the page's encoding. */
import type { Language } from '../errors/catalog';

/**
 * The entries of a header with q-values (`Accept`, `Accept-Language`, `Accept-Encoding`;
 * RFC 9110 §12.4.2), lower-cased: each name with its q, 1 when absent, NaN when unreadable.
 */
function weighted(header: string): { name: string; q: number }[] {
  return header.split(',').map((part) => {
    // split() always gives one part at least: the name.
    const [name, ...params] = part.toLowerCase().split(';') as [string, ...string[]];
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return { name: name.trim(), q: qParam === undefined ? 1 : Number(qParam.slice(2)) };
  });
}

/** `ko` when Korean is the client's most preferred of Korean and English; `en` otherwise. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  let best: { language: Language; q: number } | undefined;
  for (const { name: tag, q } of weighted(acceptLanguage)) {
    const language =
      tag === 'ko' || tag.startsWith('ko-') ? 'ko' : tag === 'en' || tag.startsWith('en-') ? 'en' : undefined;
    if (!language) continue;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

export const PROBLEM_JSON = 'application/problem+json';

/** The media type of every JSON answer but problem details. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The q-value of each media range of an `Accept` header (RFC 9110 §12.5.1), lower-cased. */
function mediaRanges(accept: string): Map<string, number> {
  const ranges = new Map<string, number>();
  for (const { name: range, q } of weighted(accept)) {
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    ranges.set(range, Math.max(q, ranges.get(range) ?? 0));
  }
  return ranges;
}

/**
 * Whether the client asked for RFC 9457 problem details: it names `application/problem+json`
 * with q > 0 (a wildcard alone does not ask for it), at least as much as it accepts
 * `application/json` (by its most specific range: exact, `application/*`, then `*\/*`).
 */
export function wantsProblemJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = mediaRanges(accept);
  const problem = ranges.get(PROBLEM_JSON) ?? 0;
  if (problem <= 0) return false;
  const json = ranges.get('application/json') ?? ranges.get('application/*') ?? ranges.get('*/*') ?? 0;
  return problem >= json;
}

/** Whether `Accept-Encoding` takes gzip: named (or `*`) with a q-value above 0, and not refused by name. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const weights = new Map(weighted(acceptEncoding).map(({ name, q }) => [name, q]));
  const gzip = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*');
  return (gzip ?? 0) > 0;
}
