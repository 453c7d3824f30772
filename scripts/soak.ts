/** `npm run soak [-- --operations 3000 --clients 40 --round 4 --busy --seed N]`: bench/soak.ts. */
import { soakCommand } from '../bench/soak';

soakCommand().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
