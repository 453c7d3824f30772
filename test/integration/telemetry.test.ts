/**
 * Logs and metrics tell rejections from exceptions: one JSON log line per request (WARN
 * without a stack for a rejection, ERROR with the stack for an exception) and EMF metrics
 * (Requests per route and code; UnexpectedErrors for exceptions alone).
 */
import { handler as createHandler } from '../../functions/create-project';
import { projectCreator as repository } from '../../lib/composition/repositories';
import { logger } from '../../lib/telemetry/request-log';
import { loadFresh, recordOutput } from '../support/fresh';
import { invoke } from '../support/lambda';
import { useTable } from '../support/table';

useTable();

let lines: string[] = [];

beforeEach(() => {
  lines = [];
  recordOutput(lines);
  logger.setLogLevel('INFO');
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
});

afterEach(() => {
  logger.setLogLevel('SILENT');
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  jest.restoreAllMocks();
});

// biome-ignore lint/suspicious/noExplicitAny: log lines are arbitrary JSON
const parsed = () => lines.map((line) => JSON.parse(line) as any);
const logLines = () => parsed().filter((line) => line.message !== undefined && line._aws === undefined);
const emf = () => parsed().filter((line) => line._aws !== undefined);

describe('telemetry', () => {
  it('logs a 409 once, at WARN, with its request id and code, owner and no token or stack', async () => {
    const owner = `telemetry-${Date.now()}`;
    await invoke(createHandler, { owner, body: { title: 'Logged' } });
    lines.length = 0;
    const reply = await invoke(createHandler, {
      owner,
      body: { title: 'Logged' },
      headers: { authorization: 'Bearer secret-token-value' },
    });
    expect(reply.status).toBe(409);
    const logs = logLines();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      level: 'WARN',
      message: 'request rejected',
      requestId: reply.json.requestId,
      route: 'POST /projects',
      owner,
      status: 409,
      code: 'PROJECT_TITLE_CONFLICT',
    });
    expect(logs[0].error).toBeUndefined();
    expect(lines.join('\n')).not.toContain('secret-token-value');
  });

  it('logs a success at INFO with its own status and how long it took, in milliseconds to a tenth', async () => {
    const started = performance.now();
    const reply = await invoke(createHandler, { owner: `telemetry-${Date.now()}`, body: { title: 'Timed' } });
    const wall = performance.now() - started;
    expect(reply.status).toBe(201);
    const [log] = logLines();
    expect(log).toMatchObject({ level: 'INFO', message: 'request completed', status: 201, route: 'POST /projects' });
    expect(log.durationMs).toBeGreaterThan(wall / 2);
    expect(log.durationMs).toBeLessThanOrEqual(wall + 0.1);
    expect(Math.round(log.durationMs * 10)).toBeCloseTo(log.durationMs * 10, 6);
  });

  it('logs an unexpected exception at ERROR with the original error and its stack; the client sees a bare 500', async () => {
    jest.spyOn(repository, 'createProjects').mockRejectedValueOnce(new TypeError('boom: table projects-secret'));
    const reply = await invoke(createHandler, { owner: 'telemetry', body: { title: 'Exploding' } });
    expect(reply.status).toBe(500);
    expect(reply.body).not.toContain('boom');
    const [log] = logLines();
    expect(log).toMatchObject({
      level: 'ERROR',
      message: 'request failed',
      requestId: reply.json.requestId,
      status: 500,
      code: 'INTERNAL_ERROR',
      error: { name: 'TypeError', message: 'boom: table projects-secret', stack: expect.stringContaining('TypeError') },
    });
  });

  it('emits EMF metrics: Requests by route and code, and UnexpectedErrors for exceptions alone', async () => {
    // Metrics read POWERTOOLS_METRICS_DISABLED when they are made: load the function afresh.
    const fresh = loadFresh(() => ({
      handler: require('../../functions/create-project').handler as typeof createHandler,
      repository: require('../../lib/composition/repositories').projectCreator as typeof repository,
    }));
    const owner = `metrics-${Date.now()}`;
    await invoke(fresh.handler, { owner, body: { title: 'Counted' } });
    await invoke(fresh.handler, { owner, body: { title: 'Counted' } });
    jest.spyOn(fresh.repository, 'createProjects').mockRejectedValueOnce(new Error('unexpected'));
    await invoke(fresh.handler, { owner, body: { title: 'Other' } });

    const requests = emf().filter((line) => line.Requests !== undefined);
    expect(requests.map((line) => [line.route, line.code, line.Requests])).toEqual([
      ['POST /projects', 'OK', 1],
      ['POST /projects', 'PROJECT_TITLE_CONFLICT', 1],
      ['POST /projects', 'INTERNAL_ERROR', 1],
    ]);
    expect(requests[0]._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'ProjectsApi',
      Dimensions: [expect.arrayContaining(['service', 'route', 'code'])],
      Metrics: [{ Name: 'Requests', Unit: 'Count' }],
    });
    const unexpected = emf().filter((line) => line.UnexpectedErrors !== undefined);
    expect(unexpected).toHaveLength(1);
    expect(unexpected[0]._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'ProjectsApi',
      Dimensions: [['service']],
      Metrics: [{ Name: 'UnexpectedErrors', Unit: 'Count' }],
    });
    expect(unexpected[0].service).toBe('projects-api');
  });
  it('publishes to the namespace of its stage (POWERTOOLS_METRICS_NAMESPACE), which that stage’s alarm reads', async () => {
    const saved = process.env.POWERTOOLS_METRICS_NAMESPACE;
    process.env.POWERTOOLS_METRICS_NAMESPACE = 'ProjectsApi/dev';
    try {
      const fresh = loadFresh(() => ({
        handler: require('../../functions/create-project').handler as typeof createHandler,
        repository: require('../../lib/composition/repositories').projectCreator as typeof repository,
      }));
      jest.spyOn(fresh.repository, 'createProjects').mockRejectedValueOnce(new Error('unexpected'));
      await invoke(fresh.handler, { owner: `metrics-${Date.now()}`, body: { title: 'Staged' } });
    } finally {
      if (saved === undefined) delete process.env.POWERTOOLS_METRICS_NAMESPACE;
      else process.env.POWERTOOLS_METRICS_NAMESPACE = saved;
    }
    const unexpected = emf().filter((line) => line.UnexpectedErrors !== undefined);
    expect(unexpected.map((line) => [line._aws.CloudWatchMetrics[0].Namespace, line.service])).toEqual([
      ['ProjectsApi/dev', 'projects-api'],
    ]);
    expect(emf().every((line) => line._aws.CloudWatchMetrics[0].Namespace === 'ProjectsApi/dev')).toBe(true);
  });

  it('logs a 503 at WARN and leaves it out of the UnexpectedErrors metric the alarm watches', async () => {
    const fresh = loadFresh(() => {
      require('../../lib/telemetry/request-log').logger.setLogLevel('INFO');
      return {
        handler: require('../../functions/create-project').handler as typeof createHandler,
        repository: require('../../lib/composition/repositories').projectCreator as typeof repository,
        unavailable: require('../../lib/errors/rejections').serviceUnavailable as (cause?: unknown) => Error,
      };
    });
    jest.spyOn(fresh.repository, 'createProjects').mockRejectedValueOnce(fresh.unavailable(new Error('throttled')));
    const reply = await invoke(fresh.handler, { owner: `unavailable-${Date.now()}`, body: { title: 'Busy' } });
    expect(reply.status).toBe(503);
    const logs = logLines();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 'WARN', status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(logs.filter((line) => line.level === 'ERROR')).toEqual([]);
    const requests = emf().filter((line) => line.Requests !== undefined);
    expect(requests.map((line) => [line.route, line.code])).toEqual([['POST /projects', 'SERVICE_UNAVAILABLE']]);
    expect(emf().filter((line) => line.UnexpectedErrors !== undefined)).toEqual([]);
  });
});
