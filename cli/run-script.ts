/**
 * How every npm script of this repository runs: `--help` (or `-h`) prints its usage and does
 * nothing else; an option it does not know, or a value it cannot take, is one line and the
 * usage, exit 2; any other failure says so, exit 1. The script's own code parses its options
 * with `node:util`'s parseArgs (strict), whose refusals are recognized here by their codes.
 */
import { format } from 'node:util';

/** A refusal of the command line that the script itself makes (a value out of range, say). */
export class UsageError extends Error {}

const isParseArgsError = (error: unknown) =>
  error instanceof UsageError || /^ERR_PARSE_ARGS_/.test(String((error as { code?: unknown }).code ?? ''));

export function runScript(name: string, usage: string, main: (argv: string[]) => Promise<number | undefined>): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  main(argv).then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      if (isParseArgsError(error)) {
        process.stderr.write(`${(error as Error).message}\n${usage}\n`);
        process.exit(2);
      }
      process.stderr.write(
        `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : format(error)}\n`,
      );
      process.exit(1);
    },
  );
}
