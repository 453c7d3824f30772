import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_DIR, recordSampleEvents, SAMPLE_REQUESTS } from '../../../local-stack/sample-events';
import { serverlessYml } from '../../../local-stack/serverless-yml';

describe('the sample events of events/', () => {
  it('has one for every function of serverless.yml', () => {
    expect(Object.keys(SAMPLE_REQUESTS).sort()).toEqual(Object.keys(serverlessYml().functions).sort());
  });

  it('are what the local gateway sends each function today (npm run events writes them)', async () => {
    const recorded = await recordSampleEvents();
    expect(readdirSync(EVENTS_DIR).sort()).toEqual([...recorded.keys()].sort());
    for (const [name, text] of recorded) {
      expect({ name, text: readFileSync(join(EVENTS_DIR, name), 'utf8') }).toEqual({ name, text });
    }
  });

  it('carry the claims of the JWT authorizer on the routes behind it, and none on the public ones', async () => {
    const claimsOf = (name: string) =>
      JSON.parse(readFileSync(join(EVENTS_DIR, `${name}.json`), 'utf8')).requestContext.authorizer?.jwt.claims;
    expect(claimsOf('createProject')).toMatchObject({ sub: 'alice', aud: 'projects-api' });
    expect(claimsOf('getOpenApi')).toBeUndefined();
    expect(claimsOf('routeNotFound')).toBeUndefined();
  });
});
