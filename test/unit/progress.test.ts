import { progress } from '../../bench/progress';

describe('progress of long work', () => {
  let written: string[];
  let write: jest.SpyInstance;
  const tty = process.stderr.isTTY;
  const ci = process.env.CI;

  beforeEach(() => {
    jest.useFakeTimers();
    written = [];
    write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    write.mockRestore();
    jest.useRealTimers();
    process.stderr.isTTY = tty;
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('writes a line every 10 s at most in CI, with work done, rate and errors', () => {
    process.env.CI = 'true';
    const shown = progress('soak', 100);
    shown.tick(30);
    shown.tick(2, true);
    jest.advanceTimersByTime(9_999);
    expect(written).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^soak: 32 of 100 done, \d+\/s, 2 errors, \d+ s\n$/);
    jest.advanceTimersByTime(30_000);
    expect(written).toHaveLength(4);
    shown.done();
    expect(written).toHaveLength(5);
    jest.advanceTimersByTime(60_000);
    expect(written).toHaveLength(5);
  });

  it('redraws one line in a terminal, and ends it when done', () => {
    delete process.env.CI;
    process.stderr.isTTY = true;
    const shown = progress('items scanned');
    shown.tick(1);
    jest.advanceTimersByTime(1_000);
    expect(written).toHaveLength(4);
    expect(written.every((line) => line.startsWith('\r\x1b[2K') && !line.endsWith('\n'))).toBe(true);
    expect(written[0]).toMatch(/items scanned: 1 done, \d+\/s, 0 errors/);
    shown.done();
    expect(written.at(-1)).toMatch(/\n$/);
  });
});
