/**
 * One shape of a project: the domain's, what the adapter stores and reads back, and what the
 * OpenAPI document (and so the typed client) says. A field added to one and left out of
 * another fails here.
 */
import { newProject } from '../../lib/domain/project';
import { itemWriter, PROJECT_FIELDS, type ProjectItem, toProject } from '../../lib/dynamodb/items';
import { Project } from '../../lib/openapi/shapes';
import { CreateProjectBody, UpdateProjectBody } from '../../lib/validation/schemas';

const project = newProject({ title: 'Shape', description: 'every field' }, new Date('2026-01-01T00:00:00Z'));
const sorted = (keys: Iterable<string>) => [...keys].sort();

describe('the project’s shape', () => {
  it('is the same in the domain, the stored item and the OpenAPI document', () => {
    const domain = sorted(Object.keys(project));
    expect(sorted(PROJECT_FIELDS)).toEqual(domain);
    expect(sorted(Object.keys(Project.shape))).toEqual(domain);
  });

  it('is stored whole and read back whole', () => {
    const { Item } = itemWriter('table').projectPut('owner', project, 'shape').Put;
    expect(toProject(Item as ProjectItem)).toEqual(project);
  });

  it('takes on create and update only fields the project has (and the version it is based on)', () => {
    for (const field of Object.keys(CreateProjectBody.shape)) expect(Object.keys(project)).toContain(field);
    for (const field of Object.keys(UpdateProjectBody.shape)) expect(Object.keys(project)).toContain(field);
  });
});
