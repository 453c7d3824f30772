import { acceptsGzip, negotiateLanguage, wantsProblemJson } from '../../../lib/http/negotiation';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['KO-kr,en;q=0.5', 'ko'],
    ['en-US,ko;q=0.9', 'en'],
    ['en;q=0.3, ko;q=0.8', 'ko'],
    ['fr, ko;q=0.2', 'ko'],
    ['fr, de', 'en'],
    ['ko;q=0', 'en'],
    ['kok', 'en'],
    [';;;,,,q=', 'en'],
  ])('answers %j with %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it.each([
    ['KO-kr', 'ko'],
    ['en-US', 'en'],
    ['*', 'en'],
    ['kok, ko-KR', 'ko'],
    ['english, korean', 'en'],
  ])('knows Korean and English by their primary tag in %j: %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it.each([
    ['ko;q=0.9,en;q=0.8', 'ko'],
    ['en;q=0.5, ko;q=0.6', 'ko'],
    [' ko ; q=0.8 , en ; q=0.7', 'ko'],
    ['en, ko', 'en'],
    ['ko, en', 'ko'],
    ['en;q=0.5, ko;q=0.5', 'en'],
    ['ko;q=0.5, en;q=0.5', 'ko'],
    ['ko; q=0.1, en', 'en'],
    ['en;x=1;q=0.1, ko', 'ko'],
    ['en;q=0.1, ko;q=0.2, en-GB;q=0.3', 'en'],
  ])('picks the most preferred of Korean and English in %j: %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it.each([
    ['ko;q=0, en;q=0', 'en'],
    ['ko;q=abc', 'en'],
    ['ko;q=-1', 'en'],
    ['ko;q=Infinity', 'en'],
    ['en;q=0, ko;q=0.001', 'ko'],
  ])('never answers in a language refused or weighted unreadably (%j): %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});

describe('wantsProblemJson', () => {
  it('is true only when the client accepts application/problem+json', () => {
    expect(wantsProblemJson('application/problem+json')).toBe(true);
    expect(wantsProblemJson('application/json;q=0.9, application/problem+json')).toBe(true);
    // The contract: problem+json less preferred than JSON is not asked for.
    expect(wantsProblemJson('application/json, application/problem+json;q=0.9')).toBe(false);
    expect(wantsProblemJson('application/json')).toBe(false);
    expect(wantsProblemJson(undefined)).toBe(false);
  });

  it.each([
    ['application/problem+json;q=0, application/json', false],
    ['application/problem+json;q=0', false],
    ['application/json;q=0.5, application/problem+json;q=0.4', false],
    ['application/json;q=0.5, application/problem+json;q=0.5', true],
    ['application/json;q=0.4, application/problem+json;q=0.5', true],
    ['*/*', false],
    ['application/*', false],
    ['*/*;q=0.1, application/problem+json', true],
    ['application/*;q=0.9, application/problem+json;q=0.8', false],
    ['APPLICATION/PROBLEM+JSON', true],
    ['application/problem+json;q=abc', false],
    ['application/problem+json;q=2', false],
    ['text/html, application/problem+json;q=0.9', true],
  ])('reads q-values: %j → %s', (accept, expected) => {
    expect(wantsProblemJson(accept)).toBe(expected);
  });

  it.each([
    ['', false],
    ['APPLICATION/Problem+JSON', true],
    ['problem+json', false],
  ])('%j asks for problem details: %s', (accept, wanted) => {
    expect(wantsProblemJson(accept)).toBe(wanted);
  });

  it.each([
    ['application/json, application/problem+json', true],
    ['application/problem+json;q=0.5, application/json', false],
    ['application/problem+json;q=0.5, application/*;q=0.4', true],
    ['application/problem+json;q=0.5, application/*;q=0.6', false],
    ['application/problem+json;q=0.5, */*;q=0.4', true],
    ['application/problem+json;q=0.5, */*;q=0.6', false],
    ['application/problem+json;q=0.5, application/json;q=0.1, application/*;q=1', true],
    ['application/problem+json;q=0.5, application/*;q=0.1, */*;q=1', true],
    ['application/problem+json;q=0.2, application/problem+json;q=0.9, application/json;q=0.5', true],
    ['application/problem+json ; q=0.9, application/json; q=0.8', true],
  ])('weighs problem details against JSON by the most specific range: %j → %s', (accept, wanted) => {
    expect(wantsProblemJson(accept)).toBe(wanted);
  });

  it.each([
    ['application/problem+json;q=-1', false],
    ['application/problem+json;q=x', false],
    ['application/problem+json;q=0.5, application/json;q=2', true],
    ['application/problem+json;q=0.5, application/json;q=-1, */*;q=0.6', false],
    ['application/problem+json;q=0.5, application/json;q=0, */*;q=0.9', true],
  ])('leaves out ranges refused or weighted outside 0 to 1 (%j): %s', (accept, wanted) => {
    expect(wantsProblemJson(accept)).toBe(wanted);
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0', false],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    ['deflate, br', false],
    ['identity', false],
    ['deflate, *;q=0.1', true],
    ['x-gzip;q=0, *', false],
    ['gzip;q=nonsense', false],
  ])('%j takes gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
