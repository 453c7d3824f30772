export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A Markdown table. */
export const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
export const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const ratio = (value: number, reference: number) => (value / reference).toFixed(2);

/** The environment the functions are loaded with in the benchmarks (no AWS needed). */
export const BENCH_ENV: Record<string, string> = {
  TABLE_NAME: 'bench',
  CURSOR_SECRET: 'bench-cursor-secret-0123456789abcdef',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_METRICS_NAMESPACE: 'ProjectsApi',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * BENCH_QUICK=1: each benchmark with a fraction of its samples, to try a change to it in
 * seconds; the figures are then too noisy to write down.
 */
export const QUICK = process.env.BENCH_QUICK === '1';
