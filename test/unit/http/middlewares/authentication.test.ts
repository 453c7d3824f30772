import type { Rejection } from '../../../../lib/errors/rejections';
import { MAX_OWNER_ID_LENGTH, ownerOf } from '../../../../lib/http/middlewares/authentication';
import { apiEvent } from '../../../support/lambda';

const codeOf = (work: () => unknown) => {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as Rejection).code;
  }
};

describe('the owner of a request', () => {
  it('is the sub claim the JWT authorizer passed on', () => {
    expect(ownerOf(apiEvent({ owner: 'user-7' }))).toBe('user-7');
  });

  it('refuses a request without authorizer claims', () => {
    expect(codeOf(() => ownerOf(apiEvent({ owner: null })))).toBe('UNAUTHORIZED');
    expect(codeOf(() => ownerOf(apiEvent({ owner: '' })))).toBe('UNAUTHORIZED');
  });

  it.each([
    ['an authorizer without a JWT', {}],
    ['a JWT authorizer without claims', { jwt: {} }],
  ])('refuses %s with 401', (_name, authorizer) => {
    const event = apiEvent({ owner: null });
    Object.assign(event.requestContext, { authorizer });
    expect(codeOf(() => ownerOf(event))).toBe('UNAUTHORIZED');
  });

  it('ignores identities offered in headers, a bearer token included: the function never reads the token', () => {
    const event = apiEvent({ owner: null, headers: { 'x-user-id': 'alice', authorization: 'Bearer a.b.c' } });
    expect(codeOf(() => ownerOf(event))).toBe('UNAUTHORIZED');
  });

  it('takes a sub of exactly the longest owner id, and refuses a longer one or one that is not well-formed text', () => {
    const longest = 'x'.repeat(MAX_OWNER_ID_LENGTH);
    expect(ownerOf(apiEvent({ owner: longest }))).toBe(longest);
    expect(codeOf(() => ownerOf(apiEvent({ owner: `${longest}x` })))).toBe('UNAUTHORIZED');
    expect(codeOf(() => ownerOf(apiEvent({ owner: 'a\ud800' })))).toBe('UNAUTHORIZED');
  });
});
