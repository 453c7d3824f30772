/** `npm run soak [-- --operations 3000 --clients 40 --round 4 --busy --seed N]`: bench/soak.ts. */
import { SOAK_USAGE, soakCommand } from '../bench/soak';
import { runScript } from '../cli/run-script';

runScript('soak', SOAK_USAGE, soakCommand);
