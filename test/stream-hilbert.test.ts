// Streams of the Hilbert-transform family (cycle.ht_dcperiod, ht_dcphase,
// ht_phasor, ht_sine, ht_trendmode, ma.ht_trendline, ma.mama) over what the
// short random walks of test/stream.test.ts never reach: runs of thousands
// of bars (both parities of the filters, the DC phase over its 50-bar ring,
// the period's clamps), runs ending in the seed, the WMA warm-up and right
// at the lookback, flat prices (the phase of a near-zero DFT is rounding)
// and prices of 0 (I1 = 0, a zero trendline), a single missing field, and
// revisions of the forming bar that swing it far (flipping the period's
// clamps and the trend mode). Every row of every variant is compared
// (Object.is) with compute()'s over the same bars, on both backends and
// dtypes, with history resumed mid-run, pushMany and checkpoints restored
// on the other backend on the way.
import { afterAll, describe, expect, it } from 'vitest';
import type { StreamCandle } from '../dist/index.js';
import { atan, cos, sin } from '../dist/stream/steppers/fdlibm.js';
import { closeEngines, engineFor, rng, type BackendName } from './helpers.js';

afterAll(closeEngines);

type Candle = { ts_open: number; open: number; high: number; low: number; close: number; volume: number };
const GAP = { open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN };

/**
 * Runs of valid bars between gaps: 2 (the WMA's seed), 11 and 20 (its
 * warm-up), 33 and 64 (one value past lookback 32 and 63), 1,400 bars of a
 * random walk over a cycle of drifting length (one bar missing its high),
 * 200 flat bars, 120 bars at 0, then 900 more of the walk.
 */
function series(): Candle[] {
  const r = rng(1616);
  const bars: Omit<Candle, 'ts_open'>[] = [];
  let price = 100;
  const walk = (n: number) => {
    for (let i = 0; i < n; i++) {
      const t = bars.length, cycle = 12 + 30 * (0.5 + 0.5 * Math.sin(t / 400));
      const open = price;
      price = Math.max(1, price * (1 + (r() - 0.5) * 0.02) + 0.8 * Math.sin((2 * Math.PI * t) / cycle));
      bars.push({ open, high: Math.max(open, price) * (1 + r() * 0.004), low: Math.min(open, price) * (1 - r() * 0.004), close: price, volume: 100 + r() * 900 });
    }
  };
  const flat = (n: number, x: number) => {
    for (let i = 0; i < n; i++) bars.push({ open: x, high: x, low: x, close: x, volume: 100 });
  };
  for (const n of [2, 11, 20, 33, 64]) {
    walk(n);
    bars.push(GAP);
  }
  walk(700);
  bars.push({ ...bars.pop()!, high: NaN });
  walk(700);
  bars.push(GAP);
  flat(200, 100);
  bars.push(GAP);
  flat(120, 0);
  walk(900);
  return bars.map((b, i) => ({ ts_open: 1_000 + i, ...b }));
}

function columns(bars: readonly Candle[]): Record<string, Float64Array> {
  const cols: Record<string, Float64Array> = {};
  for (const k of ['ts_open', 'open', 'high', 'low', 'close', 'volume'] as const) cols[k] = Float64Array.from(bars, (b) => b[k]);
  return cols;
}

/** The forming bar swung 20% up, then 15% down, before its final value. */
function revisions(c: Candle): Candle[] {
  if (c.close !== c.close) return [];
  const at = (f: number) => ({ ...c, high: Math.max(c.high, c.close * f), low: Math.min(c.low, c.close * f), close: c.close * f });
  return [at(1.2), at(0.85)];
}

const HISTORY = 700;  // mid-run: the stream resumes a transform well past its lookback
const MANY = [2_000, 2_300];  // bars given by pushMany, in chunks of 37

/**
 * Streams every bar after HISTORY of them: every 7th pushed as its first
 * revision, then revised to the second and back; a checkpoint restored on
 * the other backend every 450 bars; the bars of MANY through pushMany. Every
 * row against compute() over all bars.
 */
async function likeCompute(indicator: string, grid: Record<string, unknown>): Promise<void> {
  const bars = series();
  for (const backend of ['native', 'wasm'] as BackendName[]) {
    const other: BackendName = backend === 'native' ? 'wasm' : 'native';
    const engine = await engineFor(backend);
    for (const dtype of ['float64', 'float32'] as const) {
      let s = await engine.stream({ indicator, grid, dtype, history: columns(bars.slice(0, HISTORY)) });
      expect(s.mode).toBe('stepped');
      const rows = new Map<string, (Float32Array | Float64Array)[]>(s.outputs.map((o) => [o, []]));
      for (let t = HISTORY; t < bars.length; ) {
        if (t === MANY[0]) {
          for (let t0 = t; t0 < MANY[1]!; t0 += 37) {
            const res = await s.pushMany(columns(bars.slice(t0, Math.min(MANY[1]!, t0 + 37))));
            for (const o of s.outputs) {
              const vals = res.values(o);
              for (let i = 0; i < res.t; i++) rows.get(o)!.push(vals.slice(i * res.variants, (i + 1) * res.variants));
            }
            res.release();
          }
          t = MANY[1]!;
          continue;
        }
        const swings = t % 7 === 0 ? revisions(bars[t]!) : [];
        let row = s.push((swings[0] ?? bars[t]) as StreamCandle);
        if (swings.length) {
          s.update(swings[1] as StreamCandle);
          row = s.update(bars[t] as StreamCandle);
        }
        for (const o of s.outputs) rows.get(o)!.push(row.values(o).slice());
        if (t % 450 === 0) {
          const restored = await (await engineFor(other)).restoreStream(s.checkpoint(), { indicator });
          s.close();
          s = restored;
        }
        t++;
      }
      const want = await engine.compute({ indicator, candles: columns(bars), grid, dtype });
      const V = want.variants;
      for (const o of s.outputs) {
        const exp = want.values(o);
        let values = 0;
        rows.get(o)!.forEach((got, i) => {
          const t = HISTORY + i;
          for (let v = 0; v < V; v++) {
            const e = exp[t * V + v]!;
            if (!Object.is(got[v], e)) expect.fail(`${backend} ${dtype} ${indicator} ${o} ${JSON.stringify(want.variant(v))} at bar ${t}: stream ${got[v]}, compute() ${e}`);
            if (e === e) values++;
          }
        });
        expect(values).toBeGreaterThan(V * 1_500);  // the runs gave values, not only NaN
      }
      want.release();
      s.close();
    }
  }
}

describe('stream: Hilbert-transform steppers equal compute() over long runs, gaps, flat and zero prices', () => {
  for (const id of ['cycle.ht_dcperiod', 'cycle.ht_dcphase', 'cycle.ht_phasor', 'cycle.ht_sine', 'cycle.ht_trendmode', 'ma.ht_trendline']) {
    it(id, async () => {
      await likeCompute(id, { source: ['close', 'hlc3', 'hl2'] });
    });
  }

  it('ma.mama: fast and slow limits, a slow limit above the fast one', async () => {
    await likeCompute('ma.mama', { source: ['close', 'hlc3'], fast_limit: [0.5, 0.9, 0.05], slow_limit: [0.05, 0.3] });
  });

  it('a run shorter than the lookback, then the first bars of the next run, bar by bar from no history', async () => {
    const bars = series().slice(0, 140);  // the runs of 2, 11, 20, 33 and 64 bars
    for (const backend of ['native', 'wasm'] as BackendName[]) {
      const engine = await engineFor(backend);
      for (const indicator of ['ma.mama', 'cycle.ht_trendmode']) {
        const s = await engine.stream({ indicator, grid: { source: ['close'] }, dtype: 'float64' });
        for (let t = 0; t < bars.length; t++) {
          const row = s.push(bars[t] as StreamCandle);
          const want = await engine.compute({ indicator, candles: columns(bars.slice(0, t + 1)), grid: { source: ['close'] }, dtype: 'float64' });
          for (const o of s.outputs) expect(Object.is(row.values(o)[0], want.values(o)[t])).toBe(true);
          want.release();
        }
        s.close();
      }
    }
  });
});

describe('the steppers\' sin, cos and atan (fdlibm, as the kernels)', () => {
  // Bit equality with the kernels is what the streams above check; this
  // checks the port against the definition: within an ulp of JS Math, and
  // exact at the points the transform's constants come from.
  it('are within one ulp of Math over the angles and ratios the transform gives', () => {
    const r = rng(7);
    const ulp = (x: number) => Math.max(Number.EPSILON * Math.abs(x), Number.MIN_VALUE);
    const far: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = (r() - 0.5) * 8 * Math.PI;  // DC phase angles: a few turns either way
      if (Math.abs(sin(x) - Math.sin(x)) > ulp(Math.sin(x))) far.push(`sin(${x})`);
      if (Math.abs(cos(x) - Math.cos(x)) > ulp(Math.cos(x))) far.push(`cos(${x})`);
      const y = (r() - 0.5) * 10 ** (r() * 16 - 8);  // im / re, Q1 / I1
      if (Math.abs(atan(y) - Math.atan(y)) > ulp(Math.atan(y))) far.push(`atan(${y})`);
    }
    expect(far).toEqual([]);
    expect(atan(1) * 4).toBe(Math.PI);
    expect(Object.is(atan(-0), -0)).toBe(true);
    expect(atan(Infinity)).toBe(Math.PI / 2);
    expect(sin(NaN)).toBeNaN();
  });
});
