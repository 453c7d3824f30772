import fc from 'fast-check';
import { canonicalTitle, codePointLength, titleKey, titleKeyDigest, titleProblem } from '../../../lib/domain/titles';

describe('title rules', () => {
  describe('titleKey', () => {
    it.each([
      ['Road Map', 'road map'],
      ['  Road   Map  ', 'road map'],
      ['Road\u3000Map', 'road map'],
      ['Ｒｏａｄ Ｍａｐ', 'road map'],
      ['ROAD MAP', 'road map'],
      ['Straße', 'strasse'],
      ['ΌΣΟΣ', 'όσοσ'],
      ['ﬁle', 'file'],
      ['Cafe\u0301', 'caf\u00e9'],
      ['①', '1'],
    ])('normalizes %j to %j', (input, expected) => {
      expect(titleKey(input)).toBe(expected);
    });

    it('makes titles that differ only in case, width, spacing or composition equal', () => {
      const variants = ['Café Plan', 'CAFÉ PLAN', ' café  plan ', 'Cafe\u0301 Plan', 'Ｃａｆé Ｐｌａｎ'];
      expect(new Set(variants.map(titleKey)).size).toBe(1);
    });

    it('keeps different titles apart', () => {
      expect(titleKey('Plan A')).not.toBe(titleKey('Plan B'));
      expect(titleKey('plan')).not.toBe(titleKey('plans'));
    });

    it('is idempotent', () => {
      for (const title of ['Straße', 'ΌΣΟΣ', 'ﬁle ①', ' A  b ']) {
        expect(titleKey(titleKey(title))).toBe(titleKey(title));
      }
    });
  });

  describe('titleKeyDigest', () => {
    it('is short, fixed-size and free of delimiters whatever the title', () => {
      for (const title of ['a', 'x#y', '\ufdfa'.repeat(100)]) {
        const digest = titleKeyDigest(titleKey(title));
        expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }
    });
  });

  describe('canonicalTitle', () => {
    it('trims and composes to NFC', () => {
      expect(canonicalTitle('  Cafe\u0301 ')).toBe('Caf\u00e9');
    });
  });

  describe('titleProblem', () => {
    it('accepts 1 to 100 characters after trimming', () => {
      expect(titleProblem('a')).toBeUndefined();
      expect(titleProblem(`  ${'a'.repeat(100)}  `)).toBeUndefined();
      expect(titleProblem('a'.repeat(101))?.en).toMatch(/at most 100/);
      expect(titleProblem('   ')?.en).toMatch(/empty/);
    });

    it('counts characters as code points', () => {
      expect(codePointLength('😀😀')).toBe(2);
      expect(titleProblem('😀'.repeat(100))).toBeUndefined();
    });

    it('refuses control characters and lone surrogates, in English and Korean', () => {
      expect(titleProblem('a\nb')).toEqual({
        en: 'Title must not contain control characters.',
        ko: '제목에 제어 문자를 사용할 수 없습니다.',
      });
      expect(titleProblem('\u0000')?.en).toMatch(/control/);
      expect(titleProblem('a\udc00')?.en).toMatch(/Unicode/);
    });
  });
});

describe('title identity as a person sees it', () => {
  it.each([
    ['a zero-width space', 'Plan\u200b'],
    ['a soft hyphen', 'Pl\u00adan'],
    ['a word joiner', 'Plan\u2060'],
    ['a left-to-right mark', 'Plan\u200e'],
    ['a right-to-left mark', '\u200fPlan'],
    ['a byte-order mark inside', 'Pl\ufeffan'],
    ['a zero-width joiner', 'Pla\u200dn'],
    ['a zero-width non-joiner', 'P\u200clan'],
    ['a variation selector', 'Plan\ufe0f'],
    ['a Hangul filler', 'Plan\u3164'],
    ['a combining grapheme joiner', 'Pla\u034fn'],
  ])('folds %s out of the key, so %j is the same title as Plan', (_name, title) => {
    expect(titleKey(title)).toBe(titleKey('Plan'));
    expect(titleProblem(title)).toBeUndefined();
  });

  it.each([
    ['a right-to-left override', 'Plan\u202e'],
    ['a left-to-right embedding', '\u202aPlan'],
    ['a pop directional formatting', 'Plan\u202c'],
    ['a first-strong isolate', '\u2068Plan\u2069'],
  ])('refuses %s, which can make a title display as another text', (_name, title) => {
    expect(titleProblem(title)).toEqual({
      en: 'Title must not contain bidirectional override or isolate characters.',
      ko: '제목에 양방향 재정의 또는 격리 문자를 사용할 수 없습니다.',
    });
  });

  it.each([
    ['a zero-width space', '\u200b'],
    ['a zero-width joiner', '\u200d'],
    ['a Hangul filler', '\u3164'],
    ['a half-width Hangul filler', '\uffa0'],
    ['a lone variation selector', '\ufe0f'],
    ['invisible characters and spaces', ' \u200b \u2060\u00ad '],
  ])('refuses a title made only of %s', (_name, title) => {
    expect(titleProblem(title)).toEqual({
      en: 'Title must contain a visible character.',
      ko: '제목에 보이는 문자가 하나 이상 있어야 합니다.',
    });
  });

  it.each([
    ['a family emoji with its joiners', '👨‍👩‍👧'],
    ['a heart with its variation selector', '❤️'],
    ['a flag', '🇰🇷'],
    ['a skin tone', '👍🏽'],
    ['Korean', '프로젝트 계획'],
    ['decomposed Korean', '\u1112\u1161\u11ab'],
  ])('accepts %s and stores it as sent, in NFC', (_name, title) => {
    expect(titleProblem(title)).toBeUndefined();
    expect(canonicalTitle(title)).toBe(title.normalize('NFC'));
    expect(titleKey(title)).not.toBe('');
  });

  it('keeps the emoji variation selector and joiners in the stored title', () => {
    expect(canonicalTitle(' ❤️ 👨‍👩‍👧 ')).toBe('❤️ 👨‍👩‍👧');
  });

  const visible = fc.constantFrom('a', 'Z', 'é', 'ß', 'Σ', '가', '한', '\u1100', '😀', '👩', '❤', '1', 'ｆ', 'ﬁ');
  const spacing = fc.constantFrom(' ', '\u3000', '\u00a0', '\u0301');
  const ignorable = fc.constantFrom(
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u00ad',
    '\u034f',
    '\u2060',
    '\ufeff',
    '\ufe0f',
    '\ufe00',
    '\u3164',
    '\uffa0',
    '\u115f',
    '\u1160',
    '\u180b',
    '\u{e0041}',
  );
  const text = fc.array(fc.oneof(visible, spacing), { maxLength: 20 }).map((parts) => parts.join(''));

  it('ignores every default-ignorable character wherever it stands (property)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), ignorable), { maxLength: 6 }), (base, insertions) => {
        const chars = [...base];
        for (const [at, character] of insertions) chars.splice(at % (chars.length + 1), 0, character);
        expect(titleKey(chars.join(''))).toBe(titleKey(base));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and every accepted title has a visible character (property)', () => {
    const anything = fc
      .array(fc.oneof(visible, spacing, ignorable, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(anything, (title) => {
        const problem = titleProblem(title);
        const key = titleKey(title);
        if (problem === undefined) {
          expect(key).not.toBe('');
          expect(key.replace(/[\p{Default_Ignorable_Code_Point}\s]/gu, '')).not.toBe('');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('titleProblem’s texts', () => {
  it.each([
    ['a lone surrogate', 'a\udc00', 'Title must be valid Unicode text.', '제목은 올바른 유니코드 문자열이어야 합니다.'],
    ['a tab', 'a\tb', 'Title must not contain control characters.', '제목에 제어 문자를 사용할 수 없습니다.'],
    ['nothing', '', 'Title must not be empty.', '제목은 비어 있을 수 없습니다.'],
    ['spaces', '   ', 'Title must not be empty.', '제목은 비어 있을 수 없습니다.'],
    ['101 characters', 'x'.repeat(101), 'Title must be at most 100 characters.', '제목은 100자 이하여야 합니다.'],
  ])('names the problem of %s in English and Korean', (_name, title, en, ko) => {
    expect(titleProblem(title)).toEqual({ en, ko });
  });

  it('checks validity before control characters, and both before length', () => {
    expect(titleProblem(`\u0001${'x'.repeat(200)}`)?.en).toBe('Title must not contain control characters.');
    expect(titleProblem(`\udc00\u0001`)?.en).toBe('Title must be valid Unicode text.');
    expect(titleProblem(`\u202e${'x'.repeat(200)}`)?.en).toMatch(/bidirectional/);
  });

  it('counts the length after trimming, and folds nothing out of it', () => {
    expect(titleProblem(`  ${'x'.repeat(100)}  `)).toBeUndefined();
    expect(titleProblem(`${'x'.repeat(99)}\u200b\u200b`)?.en).toBe('Title must be at most 100 characters.');
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['가나다', 3],
    ['😀', 1],
    ['👨‍👩‍👧', 5],
  ])('counts %j as %i', (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });
});

describe('a title’s length, as the OpenAPI document counts it', () => {
  const tooLong = { en: 'Title must be at most 100 characters.', ko: '제목은 100자 이하여야 합니다.' };

  it('counts code points as sent: 100 × U+FB2C is a title though NFC makes it 300', () => {
    const sent = '\uFB2C'.repeat(100);
    expect(codePointLength(canonicalTitle(sent))).toBe(300);
    expect(titleProblem(sent)).toBeUndefined();
    expect(titleProblem(`${sent}\uFB2C`)).toEqual(tooLong);
  });

  it('refuses 120 code points of decomposed text, which NFC would make 60', () => {
    const sent = 'e\u0301'.repeat(60);
    expect(codePointLength(canonicalTitle(sent))).toBe(60);
    expect(titleProblem(sent)).toEqual(tooLong);
  });

  it('accepts every text the schema’s maxLength accepts, length-wise', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }), (text) => {
        fc.pre(codePointLength(text) <= 100);
        return titleProblem(text)?.en !== tooLong.en;
      }),
      { numRuns: 500 },
    );
  });
});

describe('titles made of what shows nothing', () => {
  it.each([
    ['a Braille pattern blank', '\u2800'],
    ['an interlinear annotation anchor', '\uFFF9'],
    ['an Egyptian hieroglyph format control', '\u{13430}'],
    ['blanks and joiners', '\u2800\u200d\u2800'],
  ])('refuses %s as a title with nothing visible', (_name, title) => {
    expect(titleProblem(title)).toEqual({
      en: 'Title must contain a visible character.',
      ko: '제목에 보이는 문자가 하나 이상 있어야 합니다.',
    });
  });

  it('keeps a prepended concatenation mark, which is drawn: an Arabic number sign is a title', () => {
    expect(titleProblem('\u0600')).toBeUndefined();
    expect(titleKey('\u0600١٢')).not.toBe(titleKey('١٢'));
  });
});
