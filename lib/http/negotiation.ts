/** Content negotiation: the language of the texts, and the format of failures. */
import type { Language } from '../errors/catalog';

/** `ko` when Korean is the client's most preferred of Korean and English; `en` otherwise. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  let best: { language: Language; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language =
      tag === 'ko' || tag.startsWith('ko-') ? 'ko' : tag === 'en' || tag.startsWith('en-') ? 'en' : undefined;
    if (!language) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
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
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    if (!range.includes('/')) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    ranges.set(range.trim(), Math.max(q, ranges.get(range.trim()) ?? 0));
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
