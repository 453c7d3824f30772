/**
 * The routes of the API, method and path template. serverless.yml deploys them and the
 * OpenAPI document describes them (test/unit/openapi.test.ts proves all three agree); the
 * catch-all function reads them to tell a known path with another method (405, with `Allow`)
 * from a path that does not exist (404).
 */
export const ROUTES = [
  { method: 'POST', path: '/projects' },
  { method: 'GET', path: '/projects' },
  { method: 'POST', path: '/projects/batch' },
  { method: 'GET', path: '/projects/{id}' },
  { method: 'PATCH', path: '/projects/{id}' },
  { method: 'DELETE', path: '/projects/{id}' },
  { method: 'POST', path: '/projects/{id}/restore' },
  { method: 'GET', path: '/openapi.json' },
  { method: 'GET', path: '/docs' },
] as const;

/** Whether a concrete path fits a template, a `{parameter}` standing for one non-empty segment. */
function fits(template: string, path: string): boolean {
  const expected = template.split('/');
  const actual = path.split('/');
  return (
    expected.length === actual.length &&
    expected.every((part, i) => (part.startsWith('{') ? actual[i] !== '' : part === actual[i]))
  );
}

/** The methods the routes serve on this path, in the order above (GET, POST, PATCH, DELETE). */
export function allowedMethods(path: string): string[] {
  const methods = new Set<string>(ROUTES.filter((route) => fits(route.path, path)).map((route) => route.method));
  return ['GET', 'POST', 'PATCH', 'DELETE'].filter((method) => methods.has(method));
}
