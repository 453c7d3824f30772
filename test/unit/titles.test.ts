import { canonicalTitle, codePointLength, titleKey, titleKeyDigest, titleProblem } from '../../lib/domain/titles';

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
