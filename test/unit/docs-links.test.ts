/**
 * The repository's documents stand alone: every link in README.md and docs/ resolves to a file
 * of the repository, none leaves it, and no file tells the history of its making by issue number.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
/** `[text](target)` and `![alt](target)`, the target up to a space or the closing parenthesis. */
const LINK = /!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

describe('the documents', () => {
  it.each(DOCUMENTS)('%s links only to files of the repository that exist', (document) => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    const broken: string[] = [];
    for (const [, target = ''] of text.matchAll(LINK)) {
      if (/^(https?:|mailto:|#)/.test(target)) continue;
      const path = resolve(ROOT, dirname(document), target.split('#')[0] ?? '');
      const inside = !relative(ROOT, path).startsWith('..');
      if (!inside || !existsSync(path)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it('has no file that names an issue number (that history belongs in commit messages)', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
      .toString()
      .split('\n')
      .filter((file) => file && file !== 'package-lock.json' && existsSync(join(ROOT, file)));
    const naming = files.filter((file) => /\bissues? #?\d+\b/i.test(readFileSync(join(ROOT, file), 'latin1')));
    expect(naming).toEqual([]);
  });
});
