/**
 * The composition root of the functions: the DynamoDB client, built once per cold start from
 * the config, and the parts of the repository. Each part is built only in the functions that
 * import it (the calls are pure, so esbuild drops the others with the commands they send).
 */
import { config } from './config';
import { isProjectId } from './domain/ids';
import { createProjectEditor } from './dynamodb/changes';
import { createDocumentClient } from './dynamodb/client';
import { createProjectCreator } from './dynamodb/creates';
import { createProjectLister, createProjectReader } from './dynamodb/reads';
import { reject } from './errors/rejections';
import { createCursorSecrets } from './secrets/cursor-secrets';

/** The DynamoDB client of every function. */
export const dynamo = createDocumentClient(config);
// Read once here: a property access among a pure call's arguments would keep the call.
const { tableName } = config;

/** GET /projects/{id}: one GetItem. */
export const projectReader = /* @__PURE__ */ createProjectReader(dynamo, tableName);
/** GET /projects: one Query. */
export const projectLister = /* @__PURE__ */ createProjectLister(dynamo, tableName);
/** PATCH, DELETE, restore: a GetItem, then an UpdateItem or a TransactWriteItems. */
export const projectEditor = /* @__PURE__ */ createProjectEditor(dynamo, tableName);
/** POST /projects and /projects/batch: TransactWriteItems, and PutItem/UpdateItem for records. */
export const projectCreator = /* @__PURE__ */ createProjectCreator(dynamo, tableName);
/** GET /projects: the keys of its cursors, read at run time in a deployed stage. */
export const cursorSecrets = /* @__PURE__ */ createCursorSecrets(config);

/**
 * The `{id}` of a project route. An id that cannot exist (malformed, too long, with
 * delimiters or encoded slashes) names no project: 404, exactly as a missing one.
 */
export function projectIdOf(pathParameters: Readonly<Record<string, string | undefined>>): string {
  const id = pathParameters.id;
  if (!isProjectId(id)) throw reject('PROJECT_NOT_FOUND');
  return id;
}
