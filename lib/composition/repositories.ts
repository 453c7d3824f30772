/**
 * The composition root of the functions: the DynamoDB client, built once per cold start from
 * the config, the parts of the repository and the record store. Each part is built only in the functions that
 * import it (the calls are pure, so esbuild drops the others with the commands they send).
 */

import type { CreateStorage } from '../app/outcome';
import { createCursorSecrets } from '../cursor/secrets';
import { createProjectEditor } from '../dynamodb/changes';
import { createDocumentClient } from '../dynamodb/client';
import { createProjectCreator } from '../dynamodb/creates';
import { createProjectLister, createProjectReader } from '../dynamodb/reads';
import { createRecordStore } from '../dynamodb/records';
import { config } from './config';

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
/** POST /projects and /projects/batch: TransactWriteItems. */
export const projectCreator = /* @__PURE__ */ createProjectCreator(dynamo, tableName);
/** POST /projects and /projects/batch, under an Idempotency-Key: a record joins the transaction, or PutItem/UpdateItem/GetItem alone. */
export const recordStore = /* @__PURE__ */ createRecordStore(dynamo, tableName);
/** What the create use cases need of storage. */
export const createStorage: CreateStorage = { projects: projectCreator, records: recordStore };
/** GET /projects: the keys of its cursors, read at run time in a deployed stage. */
export const cursorSecrets = /* @__PURE__ */ createCursorSecrets(config);
