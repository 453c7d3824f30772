/** `npm run mutate [-- --incremental --force --mutate GLOB --import FILE]`: mutation/runner.ts. */
import { mutateCommand } from '../mutation/runner';

mutateCommand().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`mutate failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
