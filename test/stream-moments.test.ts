// Stepped streams of the rolling-moment and regression family at the cases
// the random walk of stream.test.ts never reaches: series longer than a
// moments chunk (512 and 1,024 bars, so both chunk grids restart under the
// windows) with windows on both sides of the direct-sum limit (16 bars) and
// of a chunk length change (256), flat windows, a 1000x jump, zero and
// negative prices, ties, a gap in the middle of windows, windows longer than
// the run, revisions of the forming bar (some changing the window's extreme),
// pushMany, a history warmed at batch speed and checkpoint/restore in the
// middle of windows onto the other backend. Every row is compared value by
// value (Object.is) with compute() over the same bars, both backends and dtypes.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type StreamCandle } from '../dist/index.js';
import { closeEngines, engineFor, rng, type BackendName } from './helpers.js';

afterAll(closeEngines);

/** ~1,300 bars: a walk, a flat stretch, a gap, a 1000x jump, zeros, negatives, ties, another gap. */
function series(): Record<'ts_open' | 'open' | 'high' | 'low' | 'close' | 'volume', number[]> {
  const r = rng(16);
  const close: number[] = [];
  let p = 100;
  const walk = (n: number, scale = 1) => {
    for (let i = 0; i < n; i++) {
      p *= 1 + (r() - 0.5) * 0.02;
      close.push(p * scale);
    }
  };
  walk(560);
  for (let i = 0; i < 40; i++) close.push(123.25);                   // flat windows
  close.push(NaN);                                                     // a gap inside every window
  walk(290, 1000);                                                     // a 1000x jump
  for (let i = 0; i < 30; i++) close.push(0);                          // zero prices: a zero mid, no returns
  for (let i = 0; i < 12; i++) close.push(i % 3 === 0 ? -2 : i % 3 === 1 ? 3 : -2);  // negatives, ties
  walk(150);
  close.push(NaN);
  for (let i = 0; i < 20; i++) close.push(i % 2 ? 50 : 50.5);         // alternating ties
  walk(200);
  const open = close.map((c, i) => (i % 97 === 5 ? NaN : i > 0 && close[i - 1] === close[i - 1] ? close[i - 1]! : c));
  const high = close.map((c, i) => Math.max(c, open[i]!) + (i % 7 === 0 ? 0 : Math.abs(c) * 0.003));
  const low = close.map((c, i) => Math.min(c, open[i]!) - (i % 5 === 0 ? 0 : Math.abs(c) * 0.003));
  return { ts_open: close.map((_, i) => 1_000 + i), open, high: high.map((h, i) => (h === h ? h : close[i]!)), low: low.map((l, i) => (l === l ? l : close[i]!)), close, volume: close.map((_, i) => 10 + (i % 13)) };
}

const CASES: [string, Record<string, unknown>, string[]?][] = [
  ['volatility.variance', { source: ['close', 'hl2'], window: [1, 2, 5, 15, 16, 17, 40, 256, 257, 300] }],
  ['volatility.stddev', { window: [3, 16, 20, 300], nbdev: [1, 2.5] }],
  ['volatility.bbands', { window: [2, 10, 20, 300], mult: [2] }],
  ['volatility.bbands_bandwidth', { window: [2, 10, 20, 300], mult: [1.5] }],
  ['volatility.bbands_percent_b', { window: [2, 10, 20, 300], mult: [2.5] }],
  ['structure.zscore', { window: [2, 5, 16, 30, 300] }],
  ['volatility.hv', { window: [2, 10, 20, 300], annualization: [252, 525600] }],
  ['trend.linreg', { window: [2, 5, 14, 30] }],
  ['trend.linreg', { window: [3, 20] }, ['angle']],
  ['structure.tsf', { window: [2, 7, 30] }],
  ['structure.avgdev', { window: [2, 5, 30] }],
  ['momentum.cci', { window: [2, 5, 20], zero_denominator: ['talib', 'nan'] }],
  ['structure.correl', { source: ['close'], source2: ['open', 'high'], window: [1, 2, 5, 30] }],
  ['structure.beta', { source: ['close'], source2: ['open'], window: [1, 2, 5, 30] }],
  ['structure.percent_rank', { window: [2, 5, 30] }],
];

const bar = (c: ReturnType<typeof series>, i: number): StreamCandle => ({ ts_open: c.ts_open[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! });
const upTo = (c: ReturnType<typeof series>, from: number, to: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Float64Array.from(v.slice(from, to))]));

describe('stream: the rolling-moment and regression steppers at edge cases, bit for bit', () => {
  const c = series();
  const T = c.close.length;
  for (const [indicator, grid, outputs] of CASES) {
    it(indicator, async () => {
      for (const [n, backend] of (['native', 'wasm'] as BackendName[]).entries()) {
        const engine = await engineFor(backend);
        const other = await engineFor(backend === 'native' ? 'wasm' : 'native');
        for (const dtype of ['float64', 'float32'] as const) {
          // A restored stream runs on the other backend: its rows are that backend's.
          const wants = await Promise.all([engine, other].map((e) => e.compute({ indicator, candles: upTo(c, 0, T), grid: grid as never, outputs, dtype })));
          let want = wants[0]!;
          const V = want.variants;
          const lengths = listIndicators().find((i) => i.id === indicator)!.axes.filter((a) => a.kind === 'int').map((a) => a.name);
          const longest = Array.from({ length: V }, (_, v) => Math.max(...lengths.map((a) => want.variant(v)[a] as number)));
          const check = (t: number, name: string, got: ArrayLike<number>, at = 0) => {
            const exp = want.values(name);
            for (let v = 0; v < V; v++) {
              const e = longest[v]! > t + 1 ? NaN : exp[t * V + v]!;
              if (!Object.is(got[at + v], e)) expect.fail(`from ${backend} ${dtype} ${indicator} ${name} ${JSON.stringify(want.variant(v))} at bar ${t}: stream ${got[at + v]}, compute() ${e}`);
            }
          };
          // A history of 0 or 700 bars (the second resumes at batch speed), then pushes with revisions, pushMany, restores.
          const h = n === 0 ? 0 : 700;
          let s = await engine.stream({ indicator, grid: grid as never, outputs, dtype, history: h ? upTo(c, 0, h) : undefined });
          expect(s.mode).toBe('stepped');
          for (let t = h; t < T; ) {
            if (t % 211 === 100) {
              const k = 37;
              const res = await s.pushMany(upTo(c, t, Math.min(T, t + k)));
              for (let i = 0; i < res.t; i++) for (const name of res.outputs) check(t + i, name, res.values(name), i * V);
              t += res.t;
              continue;
            }
            const b = bar(c, t);
            let row;
            if (t % 3 === 1) {
              // A forming bar revised: first far above the window (a new extreme), maybe missing, then as it closes.
              s.push({ ...b, close: b.close! * 3 + 1, high: Math.abs(b.high! * 3) + 2, open: b.open! + 1 });
              if (t % 9 === 4) s.update({ ...b, close: NaN });
              row = s.update(b);
            } else row = s.push(b);
            for (const name of s.outputs) check(t, name, row.values(name));
            if (t % 157 === 60) {
              const s2 = await (want === wants[0] ? other : engine).restoreStream(s.checkpoint(), { indicator });
              s.close();
              s = s2;
              want = want === wants[0] ? wants[1]! : wants[0]!;
            }
            t++;
          }
          s.close();
          for (const w of wants) w.release();
        }
      }
    });
  }

  it('steps the bands with every matype, MAMA included', async () => {
    const engine = await engineFor('native');
    for (const matype of [['sma', 'mama'], ['sma', 'ema']]) {
      const t = await engine.stream({ indicator: 'volatility.bbands', grid: { window: [5], matype } });
      expect(t.mode).toBe('stepped');
      t.close();
    }
  });
});
