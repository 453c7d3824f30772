/** `npm run mutate [-- --incremental --force --mutate GLOB --import FILE]`: mutation/runner.ts. */
import { runScript } from '../cli/run-script';
import { MUTATE_USAGE, mutateCommand } from '../mutation/runner';

runScript('mutate', MUTATE_USAGE, mutateCommand);
