/** `npm run bench [-- --write]`: bench/run.ts. */
import { BENCH_USAGE, runBench } from '../bench/run';
import { runScript } from '../cli/run-script';

runScript('bench', BENCH_USAGE, runBench);
