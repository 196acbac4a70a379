import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { compareReports, formatComparison } from '../bench/compare.mjs';

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
