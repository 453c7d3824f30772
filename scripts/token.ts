/**
 * Prints a token that the local stack accepts, valid for 12 hours:
 *   npm run -s token -- <userId>
 */
import { localKeys, signToken } from '../local-stack/local-auth';

async function main(): Promise<void> {
  const userId = process.argv[2];
  if (!userId) {
    process.stderr.write('usage: npm run -s token -- <userId>\n');
    process.exit(2);
  }
  process.stdout.write(`${await signToken(userId, { keys: await localKeys() })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
