/**
 * Modules loaded afresh (jest.isolateModules), for what a module reads once when it loads:
 * settings, environment variables, or `console.error` taken as a default.
 */
export function loadFresh<T>(load: () => T): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    loaded = load();
  });
  if (loaded === undefined) throw new Error('nothing loaded');
  return loaded;
}

/**
 * Records what is written to stdout and stderr into `lines`, a line each, until the spies are
 * restored (Powertools writes INFO lines and EMF to stdout, WARN and ERROR lines to stderr).
 */
export function recordOutput(lines: string[]): void {
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
  }
}
