/** `npm run -s token -- [--stage <stage>] [--region <region>] <userId>`: deploy/token.ts. */
import { tokenCommand } from '../deploy/token';

tokenCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
