/**
 * Request schemas. The same schemas validate requests and (issue 5) generate the OpenAPI
 * document, so the two cannot disagree.
 */
import * as z from 'zod';
import { type Bilingual, canonicalTitle, codePointLength, titleProblem } from './titles';

export const DESCRIPTION_MAX_LENGTH = 1000;

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
export const Title = checkedString(titleProblem)
  .transform(canonicalTitle)
  .meta({ description: 'Trimmed, 1 to 100 characters, no control characters. Stored in Unicode NFC.' });

export const Description = checkedString(descriptionProblem).meta({ description: 'At most 1,000 characters.' });

export const CreateProjectBody = z.strictObject({
  title: Title,
  description: Description.optional().default(''),
});
export type CreateProjectInput = z.output<typeof CreateProjectBody>;
