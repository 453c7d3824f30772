/**
 * One structured log line and one metric per request, with Powertools.
 *
 * Rejections (4xx, and 503 for a dependency worth retrying) are expected: a WARN line
 * without a stack. Exceptions (500) are not: an ERROR line with the original error and its
 * stack, naming the .ts files and lines (lib/telemetry/readable-stack.ts), and an
 * `UnexpectedErrors` metric of their own, which the CloudWatch alarm watches.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { withReadableStack } from './readable-stack';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'projects-api';

export const logger = new Logger({ serviceName });

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'ProjectsApi',
  serviceName,
});

/** What a request came to, as its log line and metrics tell it. */
export interface RequestSummary {
  requestId: string;
  route: string;
  owner: string;
  status: number;
  /** The error code, or undefined for a success. */
  code: string | undefined;
  durationMs: number;
  /** The exception behind a 500, or the dependency failure behind a 503. */
  error?: unknown;
}

function causeOf(error: unknown): { name?: string; message?: string } | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (!(cause instanceof Error)) return undefined;
  return { name: cause.name, message: cause.message };
}

export function logRequest(summary: RequestSummary): void {
  const entry = {
    requestId: summary.requestId,
    route: summary.route,
    owner: summary.owner || undefined,
    status: summary.status,
    code: summary.code,
    durationMs: summary.durationMs,
  };
  const unexpected = summary.status >= 500 && summary.status !== 503;
  if (unexpected) logger.error({ message: 'request failed', ...entry }, withReadableStack(summary.error) as Error);
  else if (summary.status >= 400) logger.warn({ message: 'request rejected', ...entry, cause: causeOf(summary.error) });
  else logger.info({ message: 'request completed', ...entry });

  // One EMF line per metric: each publish clears the dimensions but the default (service),
  // so UnexpectedErrors has the service dimension alone, for an alarm on it alone.
  metrics.addDimensions({ route: summary.route, code: summary.code ?? 'OK' });
  metrics.addMetric('Requests', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  if (unexpected) {
    metrics.addMetric('UnexpectedErrors', MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
  }
}
