/** A fresh checkout of the repository in a temporary folder, as a clone has it, for commands typed as a user types them. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');

/** Copies the repository's files (nothing ignored: no .data, no bundles) and links its installed packages; resolves to the folder. */
export async function freshCheckout(prefix: string): Promise<string> {
  const checkout = mkdtempSync(join(tmpdir(), prefix));
  const { stdout } = await promisify(execFile)('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
  });
  for (const file of stdout.split('\n').filter(Boolean)) {
    mkdirSync(join(checkout, dirname(file)), { recursive: true });
    cpSync(join(ROOT, file), join(checkout, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
  return checkout;
}
