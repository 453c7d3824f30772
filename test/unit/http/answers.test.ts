/** lib/http/answers.ts and batch-report.ts: what a create came to, fresh or replayed, as the answer sent. */
import type { Project } from '../../../lib/domain/project';
import { errorCatalog, REPEATED_IN_BATCH } from '../../../lib/errors/catalog';
import { isRejectionOf, type Rejection, titleConflicts } from '../../../lib/errors/rejections';
import { answerOf, REPLAYED_HEADER } from '../../../lib/http/answers';
import { batchReport } from '../../../lib/http/batch-report';

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Rejection;
  }
  throw new Error('expected a rejection');
};

const project = { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', title: 'Alpha' } as Project;

describe('answerOf', () => {
  it('answers with the answer made for the request, as it is', () => {
    const answer = { status: 201, data: { id: 'x' }, headers: { etag: '"1"' } };
    expect(answerOf({ kind: 'answered', answer })).toBe(answer);
  });

  it('replays a recorded answer with its status, body and headers, marked as a replay', () => {
    const answer = { status: 201, data: { id: 'x' }, headers: { location: '/projects/x' } };
    expect(answerOf({ kind: 'replayed', answer })).toStrictEqual({
      status: 201,
      data: { id: 'x' },
      headers: { location: '/projects/x', [REPLAYED_HEADER]: 'true' },
    });
    expect(answerOf({ kind: 'replayed', answer: { status: 204 } })).toStrictEqual({
      status: 204,
      headers: { [REPLAYED_HEADER]: 'true' },
    });
  });

  it('throws a recorded rejection again, its status from the catalog, marked as a replay', () => {
    const details = titleConflicts([{ index: 1, repeated: true }]);
    const error = thrown(() =>
      answerOf({ kind: 'replayed', answer: { error: { code: 'PROJECT_TITLE_CONFLICT', details } } }),
    );
    expect(isRejectionOf(error, 'PROJECT_TITLE_CONFLICT')).toBe(true);
    expect(error.status).toBe(409);
    expect(error.details).toEqual(details);
    expect(error.headers).toEqual({ [REPLAYED_HEADER]: 'true' });
  });

  it('reads a rejection recorded with its status the same way', () => {
    const answer = { status: 409, error: { code: 'PROJECT_TITLE_CONFLICT' as const } };
    const error = thrown(() => answerOf({ kind: 'replayed', answer }));
    expect([error.code, error.status, error.headers?.[REPLAYED_HEADER]]).toEqual([
      'PROJECT_TITLE_CONFLICT',
      409,
      'true',
    ]);
  });

  it('returns 409 PROJECT_TITLE_CONFLICT for a conflict, with the items it names, not as a replay', () => {
    const plain = thrown(() => answerOf({ kind: 'conflict' }));
    expect([plain.code, plain.status, plain.details, plain.headers]).toEqual([
      'PROJECT_TITLE_CONFLICT',
      409,
      undefined,
      undefined,
    ]);
    const items = [
      { index: 0, repeated: false },
      { index: 2, repeated: true },
    ];
    expect(thrown(() => answerOf({ kind: 'conflict', items })).details).toEqual([
      { index: 0, code: 'PROJECT_TITLE_CONFLICT', message: errorCatalog.PROJECT_TITLE_CONFLICT.text },
      { index: 2, code: 'PROJECT_TITLE_CONFLICT', message: REPEATED_IN_BATCH },
    ]);
  });
});

describe('batchReport', () => {
  const invalid = [{ index: 1, details: [{ field: 'title', message: { en: 'Too short.', ko: '너무 짧습니다.' } }] }];
  const outcomes = [
    { index: 3, kind: 'unavailable' as const },
    { index: 0, kind: 'created' as const, project },
    { index: 2, kind: 'conflict' as const, repeated: true },
    { index: 4, kind: 'conflict' as const, repeated: false },
  ];

  it('answers 200 with the projects made and a failure for every other item, by index', () => {
    expect(batchReport(invalid, 'en')(outcomes)).toEqual({
      status: 200,
      data: {
        items: [{ index: 0, project }],
        failures: [
          {
            index: 1,
            code: 'VALIDATION_FAILED',
            message: '[Bad Request] The request is invalid.',
            errors: [{ field: 'title', message: 'Too short.' }],
          },
          {
            index: 2,
            code: 'PROJECT_TITLE_CONFLICT',
            message:
              '[Conflict] A project with the same title already exists. Another project of this batch has the same title.',
          },
          { index: 3, code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/^\[Service Unavailable\] /) },
          {
            index: 4,
            code: 'PROJECT_TITLE_CONFLICT',
            message: '[Conflict] A project with the same title already exists.',
          },
        ],
      },
    });
  });

  it('lists the projects made in request order, whatever order they came in', () => {
    const second = { ...project, id: '01ARZ3NDEKTSV4RRFFQ69G5FAW' };
    const made = [
      { index: 5, kind: 'created' as const, project: second },
      { index: 1, kind: 'created' as const, project },
    ];
    const { items } = batchReport([], 'en')(made).data as { items: { index: number }[] };
    expect(items.map((item) => item.index)).toEqual([1, 5]);
  });

  it('writes every message in the request’s language', () => {
    const { failures } = batchReport(invalid, 'ko')(outcomes).data as {
      failures: { message: string; errors?: { message: string }[] }[];
    };
    expect(failures[0]?.errors?.[0]?.message).toBe('너무 짧습니다.');
    expect(failures[1]?.message).toBe(
      '[Conflict] 동일한 이름의 프로젝트가 이미 존재합니다. 이 요청의 다른 프로젝트와 이름이 같습니다.',
    );
  });
});
