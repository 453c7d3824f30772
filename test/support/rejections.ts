import type { Rejection } from '../../lib/errors/rejections';

/** The catalog code of the rejection `fn` throws, or undefined when it throws none. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as Rejection).code;
  }
}
