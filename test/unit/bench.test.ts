import { benchOptions } from '../../bench/run';

describe('npm run bench', () => {
  it('writes the committed report only when asked to', () => {
    expect(benchOptions([])).toEqual({ write: false });
    expect(benchOptions(['--write'])).toEqual({ write: true });
  });
});
