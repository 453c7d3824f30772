/**
 * What JSON.parse lets through silently: a repeated key (the last one wins, so a body can
 * say two things at once) and nesting deep enough to exhaust recursive code later. One
 * linear scan of the text finds both. It assumes nothing of the text being valid: on
 * malformed JSON it returns whatever it saw, and the parser then refuses the body.
 */

export const MAX_JSON_DEPTH = 32;

export type JsonStructureProblem = { kind: 'duplicate-key'; key: string } | { kind: 'too-deep' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

export function jsonStructureProblem(
  text: string,
  maxDepth: number = MAX_JSON_DEPTH,
): JsonStructureProblem | undefined {
  // For each open object, the keys seen so far; null for an open array.
  const stack: (Set<string> | null)[] = [];
  // Stryker disable next-line BooleanLiteral: outside any object there are no keys to read a string into
  let expectKey = false;
  let i = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which matches nothing, and ends the loop
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      // Stryker disable next-line EqualityOperator: as above
      while (end < text.length) {
        const d = text.charCodeAt(end);
        if (d === BACKSLASH) end += 2;
        else if (d === QUOTE) break;
        else end += 1;
      }
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          return undefined; // not JSON: the parser will say so
        }
        if (keys.has(key)) return { kind: 'duplicate-key', key };
        keys.add(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      stack.push(c === OPEN_OBJECT ? new Set() : null);
      if (stack.length > maxDepth) return { kind: 'too-deep' };
      // Stryker disable next-line ConditionalExpression: in an array there is no key set, so expecting a key there reads nothing
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      // Stryker disable next-line BooleanLiteral: in JSON a closing bracket is followed by a comma, another one or the end, never by a string
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
    i += 1;
  }
  return undefined;
}
