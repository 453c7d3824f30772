/** The one digest of the code base: SHA-256 of a string hashed as UTF-8, in base64url (43 characters, no delimiters). */
import { createHash } from 'node:crypto';

export const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');
