import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { compareReports, formatComparison } from '../bench/compare.mjs';
// @ts-expect-error plain ESM module without types
import { pushManyBesideCompute, quantile } from '../bench/common.mjs';

const report = (sma: number, ema: number) => ({
  machine: {}, suites: { catalogue: { rows: [{ case: 'ma.sma', backend: 'native', threads: 2, ms: sma }, { case: 'ma.ema', backend: 'native', threads: 2, ms: ema }] } },
});

describe('bench --compare', () => {
  it('passes an equal run and small noise', () => {
    expect(compareReports(report(100, 200), report(100, 200)).regressions).toEqual([]);
    expect(compareReports(report(100, 200), report(110, 190)).regressions).toEqual([]);
  });

  it('flags a slowdown past the threshold, and honours a custom threshold', () => {
    const cmp = compareReports(report(100, 200), report(130, 200));
    expect(cmp.regressions.map((r: { key: string }) => r.key)).toEqual(['catalogue ma.sma native 2']);
    expect(formatComparison(cmp)).toMatch(/REGRESSION catalogue ma.sma native 2: 100.0 ms -> 130.0 ms \(\+30.0%\)/);
    expect(compareReports(report(100, 200), report(130, 200), 50).regressions).toEqual([]);
  });

  it('lists cases present in only one report without judging them', () => {
    const base = report(100, 200);
    const cur = { suites: { catalogue: { rows: [{ case: 'ma.sma', backend: 'native', threads: 2, ms: 100 }] } } };
    const cmp = compareReports(base, cur);
    expect(cmp.regressions).toEqual([]);
    expect(formatComparison(cmp)).toMatch(/ma.ema native 2: 200.0 ms -> - ms \(gone\)/);
  });
});

describe('bench pushManyBesideCompute', () => {
  // A fake engine that records the calls: which side ran, in what order, and whether each result was released.
  const fakeEngine = () => {
    const calls: string[] = [];
    let released = 0, closed = 0;
    const result = () => ({ release: () => { released++; } });
    // A turn of the event loop, so every call takes some time and the ratios are finite.
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const engine = {
      stream: async () => ({ pushMany: async () => { calls.push('pushMany'); await tick(); return result(); }, close: () => { closed++; } }),
      compute: async () => { calls.push('compute'); await tick(); return result(); },
    };
    return { engine, calls, counts: () => ({ released, closed }) };
  };
  const request = { indicator: 'ma.sma', bars: {} };

  it('runs an untimed pair, then pairs alternating which side goes first, an even number of at least `runs`', async () => {
    const { engine, calls, counts } = fakeEngine();
    const m = await pushManyBesideCompute(engine, request, 5, { minMs: 0, samples: true });
    expect(m.pairs).toBe(6);
    expect(m.samples.map((x: { first: string }) => x.first)).toEqual(['pushMany', 'compute', 'pushMany', 'compute', 'pushMany', 'compute']);
    expect(calls).toEqual(['pushMany', 'compute', 'pushMany', 'compute', 'compute', 'pushMany', 'pushMany', 'compute', 'compute', 'pushMany', 'pushMany', 'compute', 'compute', 'pushMany']);
    // Every result released, every stream closed (the warm-up pair's too).
    expect(counts()).toEqual({ released: 14, closed: 7 });
  });

  it('adds pairs until each side took minMs, at most maxPairs', async () => {
    const { engine } = fakeEngine();
    const m = await pushManyBesideCompute(engine, request, 2, { minMs: 1e9, maxPairs: 10 });
    expect(m.pairs).toBe(10);
    expect(m.samples).toBeUndefined();
  });

  it('gives the median of the per-pair ratios and its quartiles', async () => {
    const { engine } = fakeEngine();
    const m = await pushManyBesideCompute(engine, request, 4, { minMs: 0, samples: true });
    const ratios = m.samples.map((x: { pushMany: { ms: number }; compute: { ms: number } }) => x.pushMany.ms / x.compute.ms).sort((a: number, b: number) => a - b);
    expect(ratios.every((r: number) => r > 0 && Number.isFinite(r))).toBe(true);
    expect(m.ratio).toBe((ratios[1] + ratios[2]) / 2);
    expect(m.ratioQ1).toBe(ratios[1]);
    expect(m.ratioQ3).toBe(ratios[3]);
  });
});

describe('bench quantile', () => {
  it('takes the sample at floor(q * n) of the sorted values', () => {
    expect(quantile([5, 1, 4, 2, 3, 6], 0.25)).toBe(2);
    expect(quantile([5, 1, 4, 2, 3, 6], 0.75)).toBe(5);
    expect(quantile([5, 1, 4, 2, 3, 6], 1)).toBe(6);
    expect(quantile([3], 0.5)).toBe(3);
  });
});
