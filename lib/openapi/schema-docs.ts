/**
 * What the OpenAPI document says of the request schemas: descriptions, JSON Schema keywords
 * and `$ref`s, attached to the very schemas the functions validate with. Imported by the
 * generator only (build time), so that none of this text is in a function's bundle.
 */
import * as z from 'zod/mini';
import { DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH } from '../domain/limits';
import {
  Atomic,
  BatchItem,
  BatchItems,
  Cursor,
  Deleted,
  Description,
  Limit,
  Title,
  Version,
} from '../validation/schemas';

const doc = (schema: z.ZodMiniType, meta: Record<string, unknown>) => z.globalRegistry.add(schema, meta);

doc(Title, {
  description:
    'Trimmed, 1 to 100 characters counted as sent (code points, before any normalization, as `maxLength` counts), at least one of them visible; no control characters and no bidi overrides, embeddings or isolates. Stored trimmed, in Unicode NFC. Characters that show nothing neither make a title visible nor make two titles different: Unicode’s default-ignorable code points (zero-width spaces and joiners, soft hyphens, variation selectors, Hangul fillers, bidi marks), the format controls (General_Category Cf, such as the interlinear annotation characters and the Egyptian hieroglyph format controls) but the prepended concatenation marks (Prepended_Concatenation_Mark), which are drawn; and the Braille pattern blank (U+2800), which counts as a space. Two titles are the same when equal after Unicode’s NFKC_Casefold (NFKC, removing default-ignorable characters, full case folding: ẞ, ß and ss fold alike, dotless ı and i stay different letters), removing the characters that show nothing, trimming and collapsing white space.',
  minLength: 1,
  maxLength: TITLE_MAX_LENGTH,
});
doc(Description, { description: 'At most 1,000 characters (code points).', maxLength: DESCRIPTION_MAX_LENGTH });
doc(Version, { description: 'The version the change is based on; a stale one is a 409 PROJECT_VERSION_CONFLICT.' });
doc(Limit, { description: 'Page size, 1 to 100 (default 20).' });
doc(Cursor, {
  description:
    '`nextCursor` of the previous page, exactly as sent: a cursor that differs in any character (padding and other spellings of the same bytes included), or that belongs to another owner or list, is `400 VALIDATION_FAILED`.',
});
doc(Deleted, { description: '`true` lists the deleted projects (the trash), most recently deleted first.' });
doc(BatchItem, { $ref: '#/components/schemas/NewProject' });
doc(BatchItems, { description: '1 to 25 projects, each as in POST /projects.' });
doc(Atomic, { description: 'true (default): all or nothing. false: each valid item is created, the rest reported.' });
