/**
 * Request schemas, in zod's tree-shakeable `zod/mini` form (a fifth of classic zod in the
 * bundle). The same schemas validate requests and generate the OpenAPI document, so the two
 * cannot disagree. What the document says of each schema (descriptions, `$ref`s) is attached
 * by lib/openapi/schema-docs.ts, which only the OpenAPI generator imports: that text stays out of the
 * functions' bundles.
 */
import * as z from 'zod/mini';
import { DEFAULT_PAGE_SIZE, DESCRIPTION_MAX_LENGTH, MAX_BATCH_SIZE, MAX_PAGE_SIZE } from '../domain/limits';
import { canonicalTitle, codePointLength, titleProblem } from '../domain/titles';
import type { Translations } from '../errors/catalog';

function descriptionProblem(raw: string): Translations | undefined {
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
function checkedString(problem: (raw: string) => Translations | undefined) {
  return z.string().check((ctx) => {
    const found = problem(ctx.value);
    if (found) ctx.issues.push({ code: 'custom', input: ctx.value, message: found.en, params: { ko: found.ko } });
  });
}

/** 1–100 characters after trimming, no control characters; output trimmed and NFC. */
export const Title = z.pipe(checkedString(titleProblem), z.transform(canonicalTitle));

export const Description = checkedString(descriptionProblem);

export const CreateProjectBody = z.strictObject({
  title: Title,
  description: z._default(Description, ''),
});
export type CreateProjectInput = z.output<typeof CreateProjectBody>;

/** A version: a whole number from 1 (z.int() takes only safe integers, so it has its maximum). */
export const Version = z.int().check(z.minimum(1));

export const UpdateProjectBody = z
  .strictObject({
    title: z.optional(Title),
    description: z.optional(Description),
    version: z.optional(Version),
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

function pageSizeProblem(raw: string): Translations | undefined {
  if (!/^[0-9]{1,3}$/.test(raw)) {
    return {
      en: `Must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
      ko: `1부터 ${MAX_PAGE_SIZE}까지의 정수여야 합니다.`,
    };
  }
  if (Number(raw) < 1) return { en: 'Must be at least 1.', ko: '1 이상이어야 합니다.' };
  if (Number(raw) > MAX_PAGE_SIZE) {
    return { en: `Must be at most ${MAX_PAGE_SIZE}.`, ko: `${MAX_PAGE_SIZE} 이하여야 합니다.` };
  }
  return undefined;
}

/** A whole number from 1 to 100, written in decimal digits only. */
const PageSize = z.pipe(checkedString(pageSizeProblem), z.transform(Number));

/** Query parameters of GET /projects. Parameters it does not know are ignored. */
export const Limit = z.pipe(
  z.optional(PageSize),
  z.transform((limit) => limit ?? DEFAULT_PAGE_SIZE),
);
export const Cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(1024)));
export const Deleted = z.pipe(
  z.optional(z.enum(['true', 'false'])),
  z.transform((deleted) => deleted === 'true'),
);

export const ListProjectsQuery = z.object({ limit: Limit, cursor: Cursor, deleted: Deleted });
export type ListProjectsParams = z.output<typeof ListProjectsQuery>;

/** The envelope of a batch; the items are checked one by one (all at once when atomic). */
export const BatchItem = z.unknown();
export const BatchItems = z.array(BatchItem).check(z.minLength(1), z.maxLength(MAX_BATCH_SIZE));
export const Atomic = z._default(z.boolean(), true);

export const BatchCreateBody = z.strictObject({ projects: BatchItems, atomic: Atomic });
export type BatchCreateInput = z.output<typeof BatchCreateBody>;

/** The items of an atomic batch: every one must be valid (errors name `projects.<i>.<field>`). */
export const AtomicBatchItems = z.object({ projects: z.array(CreateProjectBody) });
