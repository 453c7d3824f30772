/** Rejections: our http-errors errors, known by their catalog code, and nothing else. */
import createError from 'http-errors';
import { isErrorCode } from '../../../lib/errors/catalog';
import { isRejection, isRejectionOf, reject } from '../../../lib/errors/rejections';

describe('isErrorCode', () => {
  it('knows the catalog’s codes, and nothing else', () => {
    expect(isErrorCode('PROJECT_NOT_FOUND')).toBe(true);
    expect(['NOPE', 'toString', 'constructor', undefined, 404].map(isErrorCode)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('isRejection', () => {
  it('knows a rejection by its catalog code and its http-errors making', () => {
    expect(isRejection(reject('PROJECT_NOT_FOUND'))).toBe(true);
    expect(isRejection({ code: 'PROJECT_NOT_FOUND', status: 404, expose: true })).toBe(false);
    expect(isRejection(Object.assign(new Error('x'), { code: 'NOT_OURS', status: 400 }))).toBe(false);
    expect(isRejection(createError(400, 'x', { code: 'NOT_OURS', expose: true }))).toBe(false);
    expect(isRejection(createError(404, 'x', { code: 'PROJECT_NOT_FOUND', expose: true }))).toBe(true);
    expect(isRejection(null)).toBe(false);
  });

  it('tells one code from another', () => {
    expect(isRejectionOf(reject('SERVICE_UNAVAILABLE'), 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(isRejectionOf(reject('SERVICE_UNAVAILABLE'), 'PROJECT_NOT_FOUND')).toBe(false);
    expect(isRejectionOf({ code: 'SERVICE_UNAVAILABLE' }, 'SERVICE_UNAVAILABLE')).toBe(false);
  });
});
