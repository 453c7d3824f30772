/**
 * What `npm start` prints while it starts, less what nobody needs to read: serverless
 * offline's banner (its Lambda endpoint, the function names it exposes) and the lines of the
 * warm-up's invocations (the functions' INFO and WARN log lines, serverless offline's
 * durations). Anything else, an error above all, passes. Requests wait until the start is
 * over (the gateway holds them), so no request of a user's is hidden.
 */
const NOISE = [
  /^Starting Offline at stage /,
  /^Offline \[http for lambda\] listening on /,
  /^Function names exposed for local invocation by aws-sdk:$/,
  /^ {3}\* \S+: \S+$/,
  /^\(λ: \S+\) RequestId: /,
  /^\{"level":"(INFO|WARN)",/,
  /^\s*$/,
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape that starts a terminal color
const COLOR = /\u001b\[[0-9;]*m/g;

const isNoise = (line: string) => NOISE.some((pattern) => pattern.test(line.replace(COLOR, '')));

/** Drops the start's noise from this process's output until `over` settles. */
export function quietUntil(over: Promise<unknown>): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const kept = text.split('\n').filter((line) => !isNoise(line));
      if (kept.length === 0) {
        const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        done?.();
        return true;
      }
      return write.call(stream, `${kept.join('\n')}\n`, ...(rest as []));
    }) as typeof stream.write;
    void over.finally(() => {
      stream.write = write;
    });
  }
}
