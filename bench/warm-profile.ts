/**
 * Where the full chain's time goes, warm: a CPU profile (the inspector's sampling profiler) of
 * its invocations, each sample's self time given to the part of the chain its function belongs
 * to, by the file it is in. The shares are of the profiled time; times the chain's median, an
 * estimate of each part's microseconds.
 */
import { Session } from 'node:inspector/promises';

/** The parts, in the order a reader meets them; a file belongs to the first whose pattern it fits. */
export const PARTS: readonly (readonly [string, RegExp])[] = [
  ['Powertools Logger and Metrics (the log line, the EMF metric, their context)', /@aws-lambda-powertools\//],
  ['middy, its JSON body parser and error handler', /@middy\//],
  ['zod (the body schema)', /\/zod\//],
  [
    'the title rules and key (NFKC, case folding, the lock digest)',
    /lib\/domain\/titles|unicode-case-folding|crypto\/hash|\(digest\)|\(Hash\)|\(update\)/,
  ],
  ['the project and its ULID', /lib\/domain\/(project|ids)|crypto\/random/],
  ['the body checks (size, media type, UTF-8, repeated keys, depth)', /lib\/http\/json-/],
  ['the envelope, headers, negotiation and log fields (lib/http, lib/telemetry)', /lib\/(http|telemetry)\//],
  [
    'the use case and the DynamoDB write it builds (lib/app, lib/dynamodb, lib/idempotency)',
    /lib\/(app|dynamodb|idempotency)\/|functions\//,
  ],
  ['the AWS SDK command (stubbed send)', /@aws-sdk\/|@smithy\//],
  ['garbage collection', /\(garbage collector\)/],
];
const OTHER = 'Node itself and the rest';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

/** Each part's share of the self time of `invocations` runs of `fn`, profiled. */
export async function profileShares(fn: () => Promise<unknown>, invocations: number): Promise<Record<string, number>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  for (let i = 0; i < invocations; i += 1) await fn();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = new Map((profile.nodes as ProfileNode[]).map((node) => [node.id, node]));
  const shares: Record<string, number> = Object.fromEntries([...PARTS.map(([name]) => [name, 0]), [OTHER, 0]]);
  let total = 0;
  profile.samples?.forEach((id, index) => {
    const { url, functionName } = nodes.get(id)?.callFrame ?? { url: '', functionName: '' };
    const where = url || `(${functionName})`;
    const part = PARTS.find(([, pattern]) => pattern.test(where))?.[0] ?? OTHER;
    const delta = profile.timeDeltas?.[index] ?? 0;
    shares[part] = (shares[part] ?? 0) + delta;
    total += delta;
  });
  for (const name of Object.keys(shares)) shares[name] = (shares[name] ?? 0) / (total || 1);
  return shares;
}
