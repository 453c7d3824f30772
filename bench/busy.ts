/** A CPU-bound process beside the stack: one core kept busy, as a test run or a build would. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface Busy {
  stop(): void;
}

export function busyCore(): Busy {
  const child: ChildProcess = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  return {
    stop: () => {
      child.kill('SIGKILL');
    },
  };
}
