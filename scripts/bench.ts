/** `npm run bench`: bench/run.ts. */
import { runBench } from '../bench/run';

runBench().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
