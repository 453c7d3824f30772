import { changed, deleted, expectLive, isLive, newProject, type Project, restored } from '../../../lib/domain/project';
import { codeOf } from '../../support/rejections';

const at = new Date('2026-03-01T10:00:00.000Z');
const later = new Date('2026-03-02T11:00:00.000Z');
const project = (overrides: Partial<Project> = {}): Project => ({
  ...newProject({ title: 'Plan', description: 'd' }, at, '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
  ...overrides,
});

describe('the project lifecycle', () => {
  it('starts live at version 1, created and updated at the same time', () => {
    expect(project()).toEqual({
      id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      title: 'Plan',
      description: 'd',
      version: 1,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      deletedAt: null,
    });
    expect(isLive(project())).toBe(true);
    expect(newProject({ title: 't', description: '' }, at).id.slice(0, 10)).toBe('01KJMDEB80');
  });

  it('counts a project without deletedAt (an item written before the attribute existed) as live', () => {
    expect(isLive({ deletedAt: undefined } as unknown as Pick<Project, 'deletedAt'>)).toBe(true);
    expect(isLive({ deletedAt: '2026-03-02T10:00:00.000Z' })).toBe(false);
  });

  it('expects a live project that matches If-Match and the version: 404, then 412, then 409', () => {
    const live = project({ version: 3 });
    expect(expectLive(live)).toBe(live);
    expect(expectLive(live, { version: 3, ifMatch: (v) => v === 3 })).toBe(live);
    expect(codeOf(() => expectLive(undefined))).toBe('PROJECT_NOT_FOUND');
    expect(codeOf(() => expectLive(project({ deletedAt: at.toISOString() })))).toBe('PROJECT_NOT_FOUND');
    expect(codeOf(() => expectLive(live, { ifMatch: () => false, version: 2 }))).toBe('PRECONDITION_FAILED');
    expect(codeOf(() => expectLive(live, { version: 2 }))).toBe('PROJECT_VERSION_CONFLICT');
  });

  it('changes title or description with the next version, and nothing when nothing changes', () => {
    const current = project({ version: 4 });
    expect(changed(current, {}, later)).toBeUndefined();
    expect(changed(current, { title: 'Plan', description: 'd' }, later)).toBeUndefined();
    expect(changed(current, { description: 'e' }, later)).toEqual({
      ...current,
      description: 'e',
      version: 5,
      updatedAt: later.toISOString(),
    });
    expect(changed(current, { title: 'PLAN' }, later)).toMatchObject({ title: 'PLAN', description: 'd', version: 5 });
  });

  it('deletes softly: the project keeps everything, with deletedAt and the next version', () => {
    const gone = deleted(project(), later);
    expect(gone).toEqual({ ...project(), deletedAt: later.toISOString(), version: 2, updatedAt: later.toISOString() });
    expect(isLive(gone)).toBe(false);
  });

  it('restores a deleted project only: 404 when missing, 409 when live', () => {
    const gone = deleted(project(), at);
    expect(restored(gone, later)).toEqual({ ...gone, deletedAt: null, version: 3, updatedAt: later.toISOString() });
    expect(codeOf(() => restored(undefined))).toBe('PROJECT_NOT_FOUND');
    expect(codeOf(() => restored(project()))).toBe('PROJECT_NOT_DELETED');
  });
});
