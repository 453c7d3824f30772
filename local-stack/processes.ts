/** The processes of the local stack: ports, the process that started it, DynamoDB Local's end, the workers' flags. */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

/** Whether something already listens on the port. */
export function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'EADDRINUSE'));
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

/** Resolves once something accepts connections on the port; throws after `timeoutMs`. */
export async function untilListening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs / 1000} s`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The parent of a process (Linux's /proc); undefined where that cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Calls `onLost` when the process that started this one ends, or the one above it (npm, when
 * `npm start` runs serverless): a SIGKILL or a crash there sends no signal here.
 */
export function watchParents(onLost: () => void): void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  setInterval(() => {
    if (process.ppid !== parent || (grandparent !== undefined && parentOf(parent) !== grandparent)) onLost();
  }, 500).unref();
}

/** Whether a process runs (Linux's /proc: a zombie has ended); false where that cannot be read. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Stops a child as this process exits (serverless offline exits on Ctrl-C), and waits for it
 * to end, so that its port is free when the command returns. The wait is synchronous: when
 * 'exit' runs, the event loop has ended.
 */
export function stopWithThisProcess(child: ChildProcess): void {
  process.once('exit', () => {
    const { pid } = child;
    if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 5_000;
    while (running(pid) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 25);
    if (running(pid)) child.kill('SIGKILL');
  });
}
