/**
 * Title identity: what the contract accepts as a title, the form it is stored in, and the
 * key under which two titles that look the same to a person are the same title.
 */
import { caseFold } from 'unicode-case-folding';
import type { Translations } from '../errors/catalog';
import { digest } from './digest';
import { TITLE_MAX_LENGTH } from './limits';

export { TITLE_MAX_LENGTH };

const CONTROL_CHARACTER = /\p{Cc}/u;
const WHITE_SPACE_RUN = /\s+/gu;

/**
 * Characters that show nothing: Unicode's Default_Ignorable_Code_Point (zero-width spaces and
 * joiners, soft hyphens, word joiners, the BOM, variation selectors, Hangul fillers, bidi
 * marks, tag characters) and the format controls (General_Category Cf: the interlinear
 * annotation characters, the Egyptian hieroglyph format controls, …) but for the prepended
 * concatenation marks (Prepended_Concatenation_Mark: the Arabic number signs and their like,
 * which are drawn). They are folded out of the title key. JavaScript has no property for those
 * marks: PREPENDED_CONCATENATION_MARK lists them, and a test holds the list to Unicode's data.
 */
export const PREPENDED_CONCATENATION_MARK = '\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}';
const INVISIBLE = new RegExp(`(?![${PREPENDED_CONCATENATION_MARK}])[\\p{Default_Ignorable_Code_Point}\\p{Cf}]`, 'gu');

/**
 * Characters that show as a space and nothing else, though Unicode counts them as symbols:
 * the Braille pattern with no dots (U+2800, the first of the Braille Patterns block, whose
 * code points are their dots). They are white space in the title key.
 */
const BLANK = /\u2800/gu;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can
 * make a stored title display as another text, so a title that holds one is refused.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** Length in Unicode code points, so that an emoji counts as one character, not two. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}

/** Why a title is refused (English and Korean), or undefined when it is acceptable. */
export function titleProblem(raw: string): Translations | undefined {
  if (!raw.isWellFormed())
    return { en: 'Title must be valid Unicode text.', ko: '제목은 올바른 유니코드 문자열이어야 합니다.' };
  if (CONTROL_CHARACTER.test(raw))
    return { en: 'Title must not contain control characters.', ko: '제목에 제어 문자를 사용할 수 없습니다.' };
  if (BIDI_CONTROL.test(raw)) {
    return {
      en: 'Title must not contain bidirectional override or isolate characters.',
      ko: '제목에 양방향 재정의 또는 격리 문자를 사용할 수 없습니다.',
    };
  }
  // Counted as sent (trimmed, before normalization), as the OpenAPI document's maxLength counts.
  const length = codePointLength(raw.trim());
  if (length < 1) return { en: 'Title must not be empty.', ko: '제목은 비어 있을 수 없습니다.' };
  if (length > TITLE_MAX_LENGTH) {
    return {
      en: `Title must be at most ${TITLE_MAX_LENGTH} characters.`,
      ko: `제목은 ${TITLE_MAX_LENGTH}자 이하여야 합니다.`,
    };
  }
  if (titleKey(raw) === '') {
    return { en: 'Title must contain a visible character.', ko: '제목에 보이는 문자가 하나 이상 있어야 합니다.' };
  }
  return undefined;
}

/** The form a title is stored in: trimmed, Unicode NFC; every character as sent (emoji sequences whole). */
export function canonicalTitle(raw: string): string {
  return raw.trim().normalize('NFC');
}

/** The last title keyed, and its key: a create keys its title when it checks it, and again when it writes its lock. */
let last = { raw: '', key: '' };

/**
 * The form two titles are compared in, so that two titles a person sees as the same are the
 * same: Unicode's NFKC_Casefold (NFKC, default-ignorable code points removed, full case
 * folding by the C and F mappings of `CaseFolding.txt`, NFKC again), then white space trimmed
 * and every run of it collapsed to one space. `ẞ`, `ß` and `ss` fold alike; dotless `ı` and `i`
 * stay two letters, as in every language but Turkish and Azeri, whose T mappings are not used.
 */
export function titleKey(raw: string): string {
  // Stryker disable next-line ConditionalExpression: equivalent, the last key only saves computing it again
  if (raw === last.raw) return last.key;
  const folded = caseFold(raw.normalize('NFKC').replace(INVISIBLE, '')).normalize('NFKC');
  // Stryker disable next-line StringLiteral: equivalent, no code point that is not default-ignorable becomes one under NFKC and case folding (every one checked), so this finds none; a guard for later Unicode versions
  const visible = folded.replace(INVISIBLE, '').replace(BLANK, ' ');
  const key = visible.replace(WHITE_SPACE_RUN, ' ').trim();
  last = { raw, key };
  return key;
}

/**
 * A fixed-size digest of the title key, used in the title lock's sort key. NFKC can make
 * a 100-character title many times longer, and DynamoDB sort keys are capped at 1 KiB;
 * a digest keeps every lock key short and free of delimiters.
 */
export function titleKeyDigest(key: string): string {
  return digest(key);
}
