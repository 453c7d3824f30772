import { decodeCursor, encodeCursor } from '../../../lib/cursor/token';

const SECRET = 'unit-test-cursor-secret';
const POSITION = { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', sortKey: 'PROJECT#01ARZ3NDEKTSV4RRFFQ69G5FAV' };
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const cursor = encodeCursor(SECRET, 'alice', false, POSITION);
const decode = (text: string) => decodeCursor(SECRET, 'alice', false, text);
const refused = (text: string) => {
  try {
    decode(text);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'VALIDATION_FAILED';
  }
};

describe('list cursors', () => {
  it('decodes the exact text it minted', () => {
    expect(decode(cursor)).toEqual(POSITION);
  });

  it('refuses every cursor that differs from the minted one in any one character', () => {
    const accepted: string[] = [];
    for (let i = 0; i < cursor.length; i += 1) {
      for (const c of `${BASE64URL}.=+/`) {
        if (c === cursor[i]) continue;
        const altered = `${cursor.slice(0, i)}${c}${cursor.slice(i + 1)}`;
        if (!refused(altered)) accepted.push(altered);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses padding and the standard base64 spelling of the same bytes', () => {
    const [payload = '', signature = ''] = cursor.split('.');
    const standard = (text: string) => text.replaceAll('-', '+').replaceAll('_', '/');
    const variants = [
      `${cursor}=`,
      `${cursor}==`,
      `${payload}=.${signature}`,
      `${payload}==.${signature}`,
      `${standard(payload)}.${standard(signature)}`,
      `${payload}.${standard(signature)}`,
      ` ${cursor}`,
      `${cursor} `,
      `${cursor}\n`,
    ].filter((variant) => variant !== cursor);
    expect(variants.filter((variant) => !refused(variant))).toEqual([]);
  });

  it('refuses the other spellings of the signature’s last character, which decode to the same bytes', () => {
    // 32 bytes are 43 base64url characters: the last one's 2 low bits are unused, so 4 spellings decode alike.
    const last = cursor.at(-1) ?? '';
    const index = BASE64URL.indexOf(last);
    const twins = [0, 1, 2, 3].map((low) => BASE64URL[(index & ~3) | low]).filter((c) => c !== last);
    expect(twins).toHaveLength(3);
    for (const twin of twins) {
      const spelled = `${cursor.slice(0, -1)}${twin}`;
      expect(Buffer.from(spelled.split('.')[1] ?? '', 'base64url')).toEqual(
        Buffer.from(cursor.split('.')[1] ?? '', 'base64url'),
      );
      expect(refused(spelled)).toBe(true);
    }
  });

  it('refuses a cursor minted for another owner or for the other list', () => {
    expect(() => decodeCursor(SECRET, 'bob', false, cursor)).toThrow();
    expect(() => decodeCursor(SECRET, 'alice', true, cursor)).toThrow();
  });
});
