// float64 accuracy that does not decay along the series: every kernel built
// on window sums, rolling moments or running WMAs, on both backends, within 1e-12 (relative,
// or of the output's scale where it crosses 0) of an exact evaluation, on a
// series whose level falls 1000x halfway. bench/accuracy.mjs runs the same
// checks on 10^7 candles.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators } from '../dist/index.js';
import { CHECKS, levelShiftCandles, sampleBars, worstErrors } from '../bench/accuracy.mjs';
import { closeEngines, engineFor } from './helpers.js';

afterAll(closeEngines);

const T = 100_000, WINDOWS = [2, 5, 17, 200];
const candles = levelShiftCandles(T);
const bars = sampleBars(T, Math.max(...WINDOWS), 1000);

// Kernels that read window sums, rolling moments or compensated running sums (native/primitives.h; WmaLanes in native/ma/common.h), found in their sources.
const SHARED_SUMS = /prefixSums\(|overSourcePrefix<|RollingMoments|spread<|perVolume\(|windowRatio\(|ma::sma::run|compensatedAdd\(|WmaLanes/;
// Built on them, but not a window formula with an exact value to compare.
const NOT_A_WINDOW_FORMULA: Record<string, string> = { 'ma.kama': 'an adaptive EMA recursion; only its path length is a window sum' };

describe('accuracy on a long series with a 1000x level shift', () => {
  it('checks every kernel built on window sums or rolling moments', () => {
    const built = listIndicators().filter((i) => !i.aliasOf).map((i) => i.id).filter((id) => {
      const [group, name] = id.split('.');
      const file = new URL(`../native/${group}/${name}.h`, import.meta.url);
      return existsSync(file) && SHARED_SUMS.test(readFileSync(file, 'utf8'));
    });
    expect(built.length).toBeGreaterThan(10);
    const checked = new Set(CHECKS.map((c: { id: string }) => c.id));
    for (const id of built) if (!NOT_A_WINDOW_FORMULA[id]) expect(checked, `${id} reads window sums: add it to bench/accuracy.mjs`).toContain(id);
  });

  for (const backend of ['native', 'wasm'] as const) {
    for (const check of CHECKS) {
      it(`${backend} ${check.label ?? check.id}`, async () => {
        const worst = await worstErrors(await engineFor(backend), check, candles, WINDOWS, bars);
        expect(Object.keys(worst).length).toBeGreaterThan(0);
        for (const [o, w] of Object.entries(worst) as [string, { err: number; at: unknown }][]) {
          expect(w.err, `${check.id} ${o}: ${JSON.stringify(w.at)}`).toBeLessThanOrEqual(1e-12);
        }
      });
    }
  }
});

// A WMA window over 256 alone in its call keeps its running sums in
// registers, its two sums side by side (wmaSlideRun in native/ma/common.h),
// where the grid above has no window that long.
describe('a long WMA window alone in its call', () => {
  const wma = CHECKS.find((c: { id: string }) => c.id === 'ma.wma');
  for (const backend of ['native', 'wasm'] as const) {
    it(`${backend} ma.wma windows 257, 300 and 1,000, each alone, within 1e-12`, async () => {
      const engine = await engineFor(backend);
      for (const window of [257, 300, 1000]) {
        const worst = await worstErrors(engine, wma, candles, [window], sampleBars(T, window, 1000));
        // (Compensated, these sums give the correctly rounded WMA at every bar sampled: err 0.)
        expect(worst.wma.err, `window ${window}: ${JSON.stringify(worst.wma.at)}`).toBeLessThanOrEqual(1e-12);
      }
    });
  }
});

// The rolling moments' chunk length comes from each variant's own window, so
// the variants a call (or a worker's share of a grid) happens to hold beside
// it cannot change a variant's last bits.
describe('a rolling-moments variant does not depend on the rest of its call', () => {
  const MOMENTS_IDS = ['volatility.variance', 'volatility.stddev', 'volatility.bbands', 'volatility.bbands_percent_b', 'structure.zscore', 'volatility.hv'];
  const shifted = levelShiftCandles(12_000);
  for (const backend of ['native', 'wasm'] as const) {
    for (const id of MOMENTS_IDS) {
      it(`${backend} ${id}: window 20 alone = window 20 beside window 5,000`, async () => {
        const engine = await engineFor(backend);
        const request = { indicator: id, candles: shifted, dtype: 'float64' as const, layout: 'variant-major' as const };
        const alone = await engine.compute({ ...request, grid: { window: [20] } });
        const beside = await engine.compute({ ...request, grid: { window: [20, 5000] } });
        expect(beside.variants).toBe(2 * alone.variants);
        for (let u = 0; u < alone.variants; u++) {
          const v = beside.indexOf(alone.variant(u));
          expect(beside.variant(v)).toEqual(alone.variant(u));
          for (const o of alone.outputs) {
            const a = alone.series(o, u), b = beside.series(o, v);
            let numbers = 0;
            for (let t = 0; t < a.length; t++) {
              if (!Object.is(a[t], b[t])) expect.fail(`${id} ${o} ${JSON.stringify(alone.variant(u))} bar ${t}: ${a[t]} alone, ${b[t]} beside window 5,000`);
              if (!Number.isNaN(a[t])) numbers++;
            }
            expect(numbers).toBeGreaterThan(10_000);
          }
        }
      });
    }
  }
});
