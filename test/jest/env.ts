/**
 * Runs before each test file, before its imports read the configuration: a table name of
 * its own for every test file, and the settings the functions need.
 */
import { randomBytes } from 'node:crypto';

process.env.TABLE_NAME = `test-${randomBytes(6).toString('hex')}`;
process.env.AWS_REGION = 'us-east-1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.CURSOR_SECRET = 'test-cursor-secret-0123456789abcdef';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
