import { SOURCE_MAPS, toggleSourceMaps } from '../../bench/bundles';
import { itemBytes, numberBytes, perOwner, simulateBucket, writeCost } from '../../bench/capacity-model';
import { benchOptions } from '../../bench/run';

describe('npm run bench', () => {
  it('writes the committed report only when asked to', () => {
    expect(benchOptions([])).toEqual({ write: false });
    expect(benchOptions(['--write'])).toEqual({ write: true });
  });

  it('measures init with source maps toggled in whatever NODE_OPTIONS the functions ship with', () => {
    expect(toggleSourceMaps('')).toBe(SOURCE_MAPS);
    expect(toggleSourceMaps(SOURCE_MAPS)).toBe('');
    expect(toggleSourceMaps(`--max-old-space-size=256 ${SOURCE_MAPS}`)).toBe('--max-old-space-size=256');
    expect(toggleSourceMaps('--max-old-space-size=256')).toBe(`--max-old-space-size=256 ${SOURCE_MAPS}`);
  });
});

describe('the capacity model', () => {
  it('sizes items by DynamoDB’s documented rule', () => {
    expect(numberBytes('1')).toBe(2);
    expect(numberBytes('1796394633')).toBe(6);
    expect(numberBytes('-0.00120')).toBe(2);
    expect(itemBytes({ pk: { S: 'é' }, n: { N: '12' }, b: { BOOL: true }, z: { NULL: true } })).toBe(
      2 + 2 + (1 + 2) + (1 + 1) + (1 + 1),
    );
    // A list: 3 bytes, and each element's size plus 1; a map likewise, with its keys' bytes.
    expect(itemBytes({ l: { L: [{ S: 'ab' }, { N: '7' }] } })).toBe(1 + 3 + (2 + 1) + (2 + 1));
    expect(itemBytes({ m: { M: { k: { S: 'v' } } } })).toBe(1 + 3 + (1 + 1 + 1));
  });

  it('doubles the item writes of a transaction and moves an index entry with two writes', () => {
    const put = { kind: 'project', before: 0, after: 1025, indexBefore: 0, indexAfter: 1025, indexKeyMoved: false };
    const lock = { kind: 'titleLock', before: 0, after: 100, indexBefore: 0, indexAfter: 0, indexKeyMoved: false };
    expect(writeCost([put, lock], true)).toEqual({ tableWcu: 6, indexWcu: 2 });
    expect(writeCost([put, lock], true, 2)).toEqual({ tableWcu: 6, indexWcu: 4 });
    const moved = { ...put, before: 1025, indexBefore: 1025, indexKeyMoved: true };
    expect(writeCost([moved], false)).toEqual({ tableWcu: 2, indexWcu: 4 });
    expect(perOwner({ tableWcu: 4, indexWcu: 1, rcu: 0 }, false)).toBe(250);
  });

  it('throttles one partition only past its rate', () => {
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const run = (perSecond: number) =>
      simulateBucket({ perSecond, cost: 4, attempts: 4, backoffMs: () => 50, seconds: 30, random });
    expect(run(200).firstTryThrottled).toBe(0);
    const over = run(400);
    expect(over.firstTryThrottled).toBeGreaterThan(0.3);
    expect(over.served).toBeLessThan(260);
  });
});
