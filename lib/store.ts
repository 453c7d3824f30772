import { config } from './config';
import { createDocumentClient, createRepository } from './repository';

/** The repository every function uses, built once per cold start from the config. */
export const repository = createRepository(createDocumentClient(config), config.tableName);
