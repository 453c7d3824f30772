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

/** Whether the client asked for RFC 9457 problem details. */
export function wantsProblemJson(accept: string | undefined): boolean {
  return accept?.toLowerCase().includes(PROBLEM_JSON) ?? false;
}
