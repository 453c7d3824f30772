/** serverless.yml as the code needs it: every route that reads an owner sits behind the JWT authorizer. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const yml = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
  params: Record<string, Record<string, unknown>>;
  custom: { throttling: Record<string, string> };
  provider: { environment: Record<string, string>; httpApi: { authorizers: Record<string, { type: string }> } };
  functions: Record<string, { handler: string; events: { httpApi: string | { authorizer?: { name: string } } }[] }>;
};

/** Whether a function's source reads an owner: its endpoint is an `httpHandler`, which authenticates. */
const readsOwner = (handler: string) =>
  /from '\.\.\/lib\/http\/handler'/.test(readFileSync(join(ROOT, `${handler.replace(/\.handler$/, '')}.ts`), 'utf8'));

describe('serverless.yml', () => {
  it.each(Object.entries(yml.functions))(
    'puts %s behind the JWT authorizer exactly when it reads an owner',
    (_name, fn) => {
      const authorizers = fn.events.map(({ httpApi }) =>
        typeof httpApi === 'string' ? undefined : httpApi.authorizer?.name,
      );
      expect(authorizers).toEqual(fn.events.map(() => (readsOwner(fn.handler) ? 'jwt' : undefined)));
    },
  );

  it('defines that authorizer as a JWT authorizer, and gives the functions no identity setting of their own', () => {
    expect(yml.provider.httpApi.authorizers.jwt?.type).toBe('jwt');
    expect(Object.keys(yml.provider.environment).filter((name) => /AUTH|JWT/.test(name))).toEqual([]);
  });

  it('sets the stage’s throttling, a rate and a burst, for every stage', () => {
    expect(yml.params.default).toMatchObject({ throttleRate: expect.any(Number), throttleBurst: expect.any(Number) });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Serverless variables, not JS templates
    expect(yml.custom.throttling).toEqual({ rate: '${param:throttleRate}', burst: '${param:throttleBurst}' });
  });
});
