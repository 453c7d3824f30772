/**
 * Request schemas, in zod's tree-shakeable `zod/mini` form (a fifth of classic zod in the
 * bundle). The same schemas validate requests and generate the OpenAPI document, so the two
 * cannot disagree. `doc()` attaches what the document says of a schema.
 */
import * as z from 'zod/mini';
import {
  DEFAULT_PAGE_SIZE,
  DESCRIPTION_MAX_LENGTH,
  MAX_BATCH_SIZE,
  MAX_PAGE_SIZE,
  TITLE_MAX_LENGTH,
} from './domain/limits';
import { type Bilingual, canonicalTitle, codePointLength, titleProblem } from './domain/titles';

/** Metadata for the OpenAPI document (JSON Schema keywords, a description, a `$ref`). */
function doc<T extends z.ZodMiniType>(schema: T, meta: Record<string, unknown>): T {
  z.globalRegistry.add(schema, meta);
  return schema;
}

function descriptionProblem(raw: string): Bilingual | undefined {
  if (!raw.isWellFormed()) {
    return { en: 'Description must be valid Unicode text.', ko: '설명은 올바른 유니코드 문자열이어야 합니다.' };
  }
  if (codePointLength(raw) > DESCRIPTION_MAX_LENGTH) {
    return {
      en: `Description must be at most ${DESCRIPTION_MAX_LENGTH} characters.`,
      ko: `설명은 ${DESCRIPTION_MAX_LENGTH}자 이하여야 합니다.`,
    };
  }
  return undefined;
}

/** A string field checked by `problem`; the issue carries its Korean text in `params.ko`. */
function checkedString(problem: (raw: string) => Bilingual | undefined) {
  return z.string().check((ctx) => {
    const found = problem(ctx.value);
    if (found) ctx.issues.push({ code: 'custom', input: ctx.value, message: found.en, params: { ko: found.ko } });
  });
}

/** 1–100 characters after trimming, no control characters; output trimmed and NFC. */
export const Title = doc(z.pipe(checkedString(titleProblem), z.transform(canonicalTitle)), {
  description: 'Trimmed, 1 to 100 characters (code points), no control characters. Stored trimmed, in Unicode NFC.',
  minLength: 1,
  maxLength: TITLE_MAX_LENGTH,
});

export const Description = doc(checkedString(descriptionProblem), {
  description: 'At most 1,000 characters (code points).',
  maxLength: DESCRIPTION_MAX_LENGTH,
});

export const CreateProjectBody = z.strictObject({
  title: Title,
  description: z._default(Description, ''),
});
export type CreateProjectInput = z.output<typeof CreateProjectBody>;

export const UpdateProjectBody = z
  .strictObject({
    title: z.optional(Title),
    description: z.optional(Description),
    version: z.optional(
      doc(z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)), {
        description: 'The version the change is based on; a stale one is a 409 PROJECT_VERSION_CONFLICT.',
      }),
    ),
  })
  .check((ctx) => {
    if (ctx.value.title === undefined && ctx.value.description === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: 'Give at least one of title and description.',
        params: { ko: 'title과 description 중 하나 이상을 입력해야 합니다.' },
      });
    }
  });
export type UpdateProjectInput = z.output<typeof UpdateProjectBody>;

/** A whole number from 1 to 100, written in decimal digits only. */
const PageSize = z.pipe(
  z.pipe(
    z.string().check(z.regex(/^[0-9]{1,3}$/, { error: 'Must be a whole number from 1 to 100.' })),
    z.transform(Number),
  ),
  z
    .number()
    .check(z.minimum(1, { error: 'Must be at least 1.' }), z.maximum(MAX_PAGE_SIZE, { error: 'Must be at most 100.' })),
);

/** Query parameters of GET /projects. Parameters it does not know are ignored. */
export const ListProjectsQuery = z.object({
  limit: doc(
    z.pipe(
      z.optional(PageSize),
      z.transform((limit) => limit ?? DEFAULT_PAGE_SIZE),
    ),
    { description: 'Page size, 1 to 100 (default 20).' },
  ),
  cursor: doc(z.optional(z.string().check(z.minLength(1), z.maxLength(1024))), {
    description: '`nextCursor` of the previous page, unchanged. Bound to its owner and list.',
  }),
  deleted: doc(
    z.pipe(
      z.optional(z.enum(['true', 'false'])),
      z.transform((deleted) => deleted === 'true'),
    ),
    { description: '`true` lists the deleted projects (the trash), most recently deleted first.' },
  ),
});
export type ListProjectsParams = z.output<typeof ListProjectsQuery>;

/** The envelope of a batch; the items are checked one by one (all at once when atomic). */
export const BatchCreateBody = z.strictObject({
  projects: doc(
    z
      .array(doc(z.unknown(), { $ref: '#/components/schemas/NewProject' }))
      .check(z.minLength(1), z.maxLength(MAX_BATCH_SIZE)),
    { description: '1 to 25 projects, each as in POST /projects.' },
  ),
  atomic: doc(z._default(z.boolean(), true), {
    description: 'true (default): all or nothing. false: each valid item is created, the rest reported.',
  }),
});
export type BatchCreateInput = z.output<typeof BatchCreateBody>;

/** The items of an atomic batch: every one must be valid (errors name `projects.<i>.<field>`). */
export const AtomicBatchItems = z.object({ projects: z.array(CreateProjectBody) });
