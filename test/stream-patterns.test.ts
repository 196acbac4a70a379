// Streams of the candlestick patterns, bit for bit. For every pattern id:
// bars of TA-Lib's pattern candles (scripts/talib-golden/datasets.mjs: on a
// 0.25 tick, so flat bars, equal ends and zero bodies are common) and of the
// same candles off the tick, around a bar where the pattern fires for each
// value it takes in each, joined by gaps (a NaN candle, or one missing
// field) and led by a run shorter than the lookback; streamed after a
// random history with pushes, revisions of the forming bar (another candle,
// a gap, then the bar), a pushMany and a checkpoint restored on the other
// backend, every row of every variant compared (Object.is) with compute()
// over the same bars, on both backends and dtypes.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type StreamCandle } from '../dist/index.js';
import { PATTERN_STEPPERS } from '../dist/stream/steppers/pattern/index.js';
import { patternCandles } from '../scripts/talib-golden/datasets.mjs';
import { closeEngines, engineFor, rng, type BackendName } from './helpers.js';

afterAll(closeEngines);

const FIELDS = ['open', 'high', 'low', 'close'] as const;
type Candle = { ts_open: number; open: number; high: number; low: number; close: number };
type Column = Record<(typeof FIELDS)[number] | 'ts_open' | 'volume', number[]>;

type Data = Record<keyof Column, Float64Array>;

const RAW = Object.fromEntries(Object.entries(patternCandles() as Column).map(([k, v]) => [k, Float64Array.from(v)])) as Data;
// The same candles times 1.1: off the tick, so the totals' sums round and only the kernels' order of additions gives their bits.
const SCALED = Object.fromEntries(Object.entries(RAW).map(([k, v]) => [k, k === 'ts_open' ? v : v.map((x) => x * 1.1)])) as Data;
const N = RAW.close.length;
const candleAt = (d: Data, i: number, ts: number): Candle => ({ ts_open: ts, open: d.open[i]!, high: d.high[i]!, low: d.low[i]!, close: d.close[i]! });

function columns(bars: readonly Candle[]): Record<string, Float64Array> {
  return Object.fromEntries(['ts_open', ...FIELDS].map((k) => [k, Float64Array.from(bars, (b) => b[k as keyof Candle])]));
}

/** A penetration grid for the patterns that take one: low, default-ish, high. */
const gridOf = (id: string) => (listIndicators().find((x) => x.id === id)!.axes.some((a) => a.name === 'penetration') ? { penetration: [0, 0.3, 0.8] } : {});

/** The bars (from 40 on) where the pattern takes each of its nonzero values over data d, in any variant. */
async function hitsOf(id: string, d: Data): Promise<Map<number, number[]>> {
  const all = await (await engineFor('native')).compute({ indicator: id, candles: d as never, grid: gridOf(id), dtype: 'float64' });
  const out = all.values(), V = all.variants;
  const at = new Map<number, number[]>();
  for (let t = 40; t < N; t++) {
    for (let v = 0; v < V; v++) {
      const x = out[t * V + v]!;
      if (x !== x || x === 0) continue;
      if (!at.has(x)) at.set(x, []);
      if (at.get(x)!.at(-1) !== t) at.get(x)!.push(t);
    }
  }
  all.release();
  return at;
}

/**
 * The test bars of one pattern: a 6-bar run, then for each value the
 * pattern takes over the raw and the scaled candles, one of its bars in
 * each with the 30 before and 5 after, the pieces joined by a gap (every
 * other one a single missing field). Returns the bars and the values.
 */
async function barsFor(id: string, r: () => number): Promise<{ bars: Candle[]; values: number[] }> {
  const bars: Candle[] = [];
  const add = (d: Data, i: number) => bars.push(candleAt(d, i, 1_000 + bars.length));
  const start = 40 + Math.floor(r() * (N - 100));
  for (let i = start; i < start + 6; i++) add(RAW, i);
  // Candles off the tick, then flat ones: the totals roll down to a rounding residue (+, - or 0), which decides.
  for (let n = 0; n < 3; n++) {
    bars.push({ ts_open: 1_000 + bars.length, open: NaN, high: NaN, low: NaN, close: NaN });
    const from = 40 + Math.floor(r() * (N - 100));
    for (let i = from; i < from + 14; i++) add(SCALED, i);
    const p = bars.at(-1)!.close;
    for (let i = 0; i < 14; i++) bars.push({ ts_open: 1_000 + bars.length, open: p, high: p, low: p, close: p });
  }
  const values = new Set<number>();
  let joins = 0;
  for (const d of [RAW, SCALED]) {
    const at = await hitsOf(id, d);
    for (const [x, hits] of [...at].sort((a, b) => a[0] - b[0])) {
      values.add(x);
      const hit = hits[Math.floor(r() * hits.length)]!;
      const gap: Candle = { ts_open: 1_000 + bars.length, open: NaN, high: NaN, low: NaN, close: NaN };
      if (joins++ % 2 === 1) Object.assign(gap, candleAt(d, hit - 31, gap.ts_open), { [FIELDS[joins % 4]!]: NaN });
      bars.push(gap);
      for (let i = hit - 30; i <= Math.min(N - 1, hit + 5); i++) add(d, i);
    }
  }
  return { bars, values: [...values].sort((a, b) => a - b) };
}

/**
 * 8,000 bars of the raw candles, then 8,000 of the scaled ones, a NaN
 * candle every 997 bars: the long check, where the pattern's other
 * conditions meet a comparison with an average near its edge often enough
 * that a total judging the wrong bar, or summed in another order, shows.
 */
const LONG = (() => {
  const part = (d: Data, from: number) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Array.from(v.subarray(from, from + 8_000))]));
  const a = part(RAW, 1_000), b = part(SCALED, 60_000);  // (the planted patterns come every 1,000 bars)
  const cols = Object.fromEntries(Object.keys(a).map((k) => [k, Float64Array.from([...a[k]!, ...b[k]!])])) as Data;
  cols.ts_open = Float64Array.from(cols.ts_open, (_, i) => 1_000 + i);
  for (let i = 500; i < cols.close.length; i += 997) for (const f of FIELDS) cols[f][i] = NaN;
  return cols;
})();

/** A stream over LONG: history of 1,000 bars, one pushMany of the rest, every row against compute(). */
async function longLikeCompute(id: string, backend: BackendName, dtype: 'float32' | 'float64'): Promise<void> {
  const engine = await engineFor(backend);
  const grid = gridOf(id);
  const head = Object.fromEntries(Object.entries(LONG).map(([k, v]) => [k, v.subarray(0, 1_000)]));
  const tail = Object.fromEntries(Object.entries(LONG).map(([k, v]) => [k, v.subarray(1_000)]));
  const s = await engine.stream({ indicator: id, grid, dtype, history: head });
  const got = await s.pushMany(tail);
  s.close();
  const want = await engine.compute({ indicator: id, candles: LONG as never, grid, dtype });
  const g = got.values(), w = want.values().subarray(1_000 * want.variants);
  for (let j = 0; j < w.length; j++) {
    if (!Object.is(g[j], w[j])) expect.fail(`${backend} ${dtype} ${id} long check at bar ${1_000 + Math.floor(j / want.variants)}, variant ${j % want.variants}: stream ${g[j]}, compute() ${w[j]}`);
  }
  got.release();
  want.release();
}

/** The values a row series takes, but 0 and NaN, sorted. */
function nonzero(values: ArrayLike<number>): number[] {
  const s = new Set<number>();
  for (let i = 0; i < values.length; i++) if (values[i] === values[i] && values[i] !== 0) s.add(values[i]!);
  return [...s].sort((a, b) => a - b);
}

/**
 * Streams `bars` on one backend and dtype: a random history, then pushes,
 * revisions, one pushMany, one checkpoint restored on the other backend;
 * every row against compute() over all bars, and two revisions' rows
 * against compute() over the bars up to them.
 */
async function streamLikeCompute(id: string, bars: readonly Candle[], backend: BackendName, dtype: 'float32' | 'float64', r: () => number): Promise<void> {
  const grid = gridOf(id);
  const engine = await engineFor(backend);
  const other = await engineFor(backend === 'native' ? 'wasm' : 'native');
  const h = Math.floor(r() * 25);
  let s = await engine.stream({ indicator: id, grid, dtype, history: h ? columns(bars.slice(0, h)) : undefined });
  expect(s.mode).toBe(id in PATTERN_STEPPERS ? 'stepped' : 'recompute');
  const rows: (Float32Array | Float64Array)[] = [];
  const manyAt = h + Math.floor(r() * (bars.length - h - 20)), restoreAt = h + Math.floor(r() * (bars.length - h - 20));
  let checks = 2, restored = false;
  for (let t = h; t < bars.length; t++) {
    if (t === manyAt) {
      const k = Math.min(bars.length - t, 5 + Math.floor(r() * 10));
      const res = await s.pushMany(columns(bars.slice(t, t + k)));
      for (let i = 0; i < k; i++) rows.push(res.values().slice(i * res.variants, (i + 1) * res.variants));
      res.release();
      t += k - 1;
      continue;
    }
    const bar = bars[t]!;
    let row;
    if (r() < 0.3) {
      // Another candle, maybe a gap, then the bar itself.
      const revisions: Candle[] = [candleAt(RAW, Math.floor(r() * N), bar.ts_open)];
      if (r() < 0.5) revisions.push({ ts_open: bar.ts_open, open: NaN, high: NaN, low: NaN, close: NaN });
      row = s.push(revisions[0]!);
      for (const x of revisions.slice(1)) row = s.update(x);
      if (checks > 0 && r() < 0.2) {
        checks--;
        const want = await engine.compute({ indicator: id, candles: columns([...bars.slice(0, t), revisions.at(-1)!]), grid, dtype });
        const got = row.values(), exp = want.values().subarray(t * want.variants);
        for (let v = 0; v < want.variants; v++) {
          if (!Object.is(got[v], exp[v])) expect.fail(`${backend} ${dtype} ${id} revision at bar ${t}, variant ${v}: stream ${got[v]}, compute() ${exp[v]}`);
        }
        want.release();
      }
      row = s.update(bar as StreamCandle);
    } else row = s.push(bar as StreamCandle);
    rows.push(row.values().slice());
    if (t >= restoreAt && !restored) {
      const s2 = await other.restoreStream(s.checkpoint(), { indicator: id });
      s.close();
      s = s2;
      restored = true;
    }
  }
  s.close();
  expect(restored).toBe(true);
  const want = await engine.compute({ indicator: id, candles: columns(bars), grid, dtype });
  const exp = want.values(), V = want.variants;
  expect(rows.length).toBe(bars.length - h);
  rows.forEach((got, n) => {
    const t = h + n;
    for (let v = 0; v < V; v++) {
      if (!Object.is(got[v], exp[t * V + v])) expect.fail(`${backend} ${dtype} ${id} ${JSON.stringify(want.variant(v))} at bar ${t}: stream ${got[v]}, compute() ${exp[t * V + v]}`);
    }
  });
  want.release();
}

describe('stream: candlestick patterns equal compute() bit for bit', () => {
  const ids = listIndicators().filter((x) => x.id.startsWith('pattern.')).map((x) => x.id);

  it('covers the 61 patterns', () => {
    expect(ids.length).toBe(61);
    for (const id of Object.keys(PATTERN_STEPPERS)) expect(ids).toContain(id);
  });

  it('rolls the totals as the kernels roll them: a doji whose body is the average of a fresh sum', async () => {
    // Wide candles (ranges of tens of percent) with full-precision prices:
    // their ranges add up past the prices' binade, so the sums round, and
    // after 14 rolls the rolled total and a fresh sum of the same 10 ranges
    // often differ in the last bit. A doji with its body at the fresh sum's
    // threshold is then a doji or not by the rolled total alone.
    const r = rng(16);
    const bars: Candle[] = [];
    const doji: number[] = [];
    for (let trial = 0; trial < 40; trial++) {
      bars.push({ ts_open: 0, open: NaN, high: NaN, low: NaN, close: NaN });
      for (let i = 0; i < 24; i++) {
        const open = 100 * Math.exp(r() - 0.5), close = 100 * Math.exp(r() - 0.5);
        bars.push({ ts_open: 0, open, high: Math.max(open, close) * Math.exp(r() * 0.3), low: Math.min(open, close) * Math.exp(-r() * 0.3), close });
      }
      let sum = 0.0;
      for (let t = bars.length - 10; t < bars.length; t++) sum += bars[t]!.high - bars[t]!.low;
      const body = 0.1 * (sum / 10);
      doji.push(bars.length);
      bars.push({ ts_open: 0, open: 0, high: body, low: 0, close: body });
    }
    bars.forEach((b, i) => { b.ts_open = 1_000 + i; });
    const engine = await engineFor('native');
    const batch = await engine.compute({ indicator: 'pattern.doji', candles: columns(bars), dtype: 'float64' });
    const at = doji.map((t) => batch.values()[t]!);
    batch.release();
    // Both answers occur: the comparison hinges on the rolled total's last bits.
    expect(at.filter((x) => x === 100).length).toBeGreaterThan(0);
    expect(at.filter((x) => x === 0).length).toBeGreaterThan(0);
    for (const backend of ['native', 'wasm'] as const) {
      for (const dtype of ['float64', 'float32'] as const) await streamLikeCompute('pattern.doji', bars, backend, dtype, r);
    }
  });

  it.each(ids)('%s', async (id) => {
    let seed = 0;
    for (const ch of id) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
    const r = rng(seed);
    const { bars, values } = await barsFor(id, r);
    // The pattern fires on the test bars with every value it takes on the whole data (the test can fail).
    expect(values.length).toBeGreaterThan(0);
    const engine = await engineFor('native');
    const batch = await engine.compute({ indicator: id, candles: columns(bars), grid: gridOf(id), dtype: 'float64' });
    expect(nonzero(batch.values())).toEqual(values);
    batch.release();
    for (const backend of ['native', 'wasm'] as const) {
      for (const dtype of ['float64', 'float32'] as const) await streamLikeCompute(id, bars, backend, dtype, r);
    }
    await longLikeCompute(id, seed % 2 ? 'native' : 'wasm', 'float64');
  });
});
