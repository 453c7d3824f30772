/** Re-keying stored projects, against a port whose writes answer as told. */
import { migrateTitleKeys } from '../../../lib/app/migrate-title-keys';
import { newProject } from '../../../lib/domain/project';
import type { ProjectEditor, ReplaceVerdict } from '../../../lib/domain/repository';
import { titleKey } from '../../../lib/domain/titles';

function editor(outcomes: ReplaceVerdict[]) {
  const replaced: string[] = [];
  const repository: ProjectEditor = {
    readProject: async () => undefined,
    replaceProject: async (_owner, current, next) => {
      expect(next).toBe(current.project);
      replaced.push(current.project.title);
      return outcomes.shift() ?? 'replaced';
    },
  };
  return { repository, replaced };
}

const stored = (title: string, key = titleKey(title)) => ({
  owner: 'alice',
  stored: { project: newProject({ title, description: '' }), titleKey: key },
});

describe('migrateTitleKeys', () => {
  it('leaves a project whose key is right, and writes nothing for it', async () => {
    const { repository, replaced } = editor([]);
    const report = await migrateTitleKeys(repository, [stored('Right'), stored('Also right')]);
    expect(report).toEqual({ unchanged: 2, rekeyed: 0, stale: 0, conflicts: [] });
    expect(replaced).toEqual([]);
  });

  it('moves a project to its right key, and counts what became of each write', async () => {
    const { repository, replaced } = editor(['replaced', 'stale', 'title-taken']);
    const taken = stored('Taken', 'old-key-3');
    const report = await migrateTitleKeys(repository, [
      stored('Moved', 'old-key-1'),
      stored('Right'),
      stored('Changed meanwhile', 'old-key-2'),
      taken,
    ]);
    expect(replaced).toEqual(['Moved', 'Changed meanwhile', 'Taken']);
    expect(report).toEqual({
      unchanged: 1,
      rekeyed: 1,
      stale: 1,
      conflicts: [{ owner: 'alice', id: taken.stored.project.id, title: 'Taken' }],
    });
  });
});
