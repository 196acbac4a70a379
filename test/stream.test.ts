// Streams, bit for bit: for every id, a random small grid and a random bar
// sequence (history, pushes, revisions of the forming bar, pushMany, NaN
// gaps, checkpoint/restore onto either backend), each row equal (Object.is,
// value by value) to the row compute() gives over the same bars, with each
// revised bar at its revision of the time. Backend and dtype rotate per id.
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, listIndicators, type Engine, type IndicatorInfo, type StreamCandle } from '../dist/index.js';
import { allowedGrids, closeEngines, engineFor, failure, rng, testEngineOptions, withoutStepper, type BackendName } from './helpers.js';

afterAll(closeEngines);

const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
type Bars = { ts_open: number[] } & Record<(typeof FIELDS)[number], number[]>;

function seedOf(id: string): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** A small random grid: lengths near the minimum (some longer than the first bars), choice axes at one or two values. */
function randomGrid(info: IndicatorInfo, r: () => number): Record<string, unknown> {
  const pick = <T,>(xs: readonly T[], n: number): T[] => [...new Set(Array.from({ length: n }, () => xs[Math.floor(r() * xs.length)]!))];
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') grid[a.name] = pick(['close', 'hlc3', 'high', 'open', 'hl2', 'ohlc4', 'hlcc4', 'low'], 2);
    else if (a.kind === 'choice') grid[a.name] = pick(a.values!, 2);
    else if (a.kind === 'int') grid[a.name] = pick([a.min!, Math.min(a.max!, a.min! + 1), Math.min(a.max!, a.min! + 3), Math.min(a.max!, a.min! + 7), Math.min(a.max!, Math.max(a.min!, 25))], 2).sort((x, y) => x - y);
    else grid[a.name] = [...new Set([a.min!, Math.min(a.max!, a.min! + 0.5)])];
  }
  // A grid breaking a choice's constraint (onlyWith) is refused: one of its allowed parts.
  const parts = allowedGrids(info, grid);
  return parts[Math.floor(r() * parts.length)]!;
}

/** A bar after `prev`: a random walk, sometimes a gap (all NaN) or one field missing. */
function randomBar(r: () => number, ts: number, prev: number): StreamCandle & { close: number } {
  if (r() < 0.04) return { ts_open: ts, open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN };
  const open = prev, close = open * (1 + (r() - 0.5) * 0.03);
  const bar = { ts_open: ts, open, high: Math.max(open, close) * (1 + r() * 0.01), low: Math.min(open, close) * (1 - r() * 0.01), close, volume: 100 + 900 * r() };
  if (r() < 0.02) bar[FIELDS[Math.floor(r() * FIELDS.length)]!] = NaN;
  return bar;
}

function columns(bars: Bars, n = bars.ts_open.length) {
  return Object.fromEntries(Object.entries(bars).map(([k, v]) => [k, Float64Array.from(v.slice(0, n))]));
}

/** Longest int param of each variant: rows of a stream are NaN while it is longer than the bars seen (compute() clamps it). */
function longestOf(info: IndicatorInfo, params: Record<string, unknown>): number {
  let m = 0;
  for (const a of info.axes) if (a.kind === 'int') m = Math.max(m, params[a.name] as number);
  return m;
}

/** A row kept: its bar, and for a pushMany row the bars seen after the call. */
interface Seen { bar: number; output: string; values: Float64Array | Float32Array; pushMany?: number }

describe('stream rows equal compute() rows bit for bit', () => {
  const ids = listIndicators();
  ids.forEach((info, n) => {
    it(info.id, async () => {
      const backend: BackendName = n % 2 === 0 ? 'native' : 'wasm';
      const dtype = (n >> 1) % 2 === 0 ? 'float64' : 'float32';
      const mode = await scenario(info, backend, dtype, seedOf(info.id));
      // float32 rounding hides most float64 differences: a stepped id (TS code, not the kernel) also runs in float64.
      if (mode === 'stepped' && dtype === 'float32') await scenario(info, backend, 'float64', seedOf(info.id) + 1);
    });
  });
});

/** One random sequence of one id on one backend and dtype; returns the stream's mode. */
async function scenario(info: IndicatorInfo, backend: BackendName, dtype: 'float32' | 'float64', seed: number): Promise<string> {
  const r = rng(seed);
  const grid = randomGrid(info, r) as never;
  const outputs = info.outputs.filter((o) => !o.looksAhead).map((o) => o.name);
  const engines: Record<BackendName, Engine> = { native: await engineFor('native'), wasm: await engineFor('wasm') };
  const bars: Bars = { ts_open: [], open: [], high: [], low: [], close: [], volume: [] };
  let price = 100;
  const add = (b: StreamCandle, at = bars.ts_open.length) => {
    bars.ts_open[at] = b.ts_open as number;
    for (const f of FIELDS) bars[f][at] = b[f]!;
    if (Number.isFinite(b.close)) price = b.close!;
  };
  const next = () => randomBar(r, 1_700_000_000_000 + bars.ts_open.length * 60_000, price);

  const h = Math.floor(r() * 30);
  for (let i = 0; i < h; i++) add(next());
  let s = await engines[backend].stream({ indicator: info.id, grid, outputs, dtype, history: h ? columns(bars) : undefined });
  expect(s.barsSeen).toBe(h);
  const seen: Seen[] = [];
  /** Rows checked at once against compute() over the bars so far (the revisions of the time). */
  const checkNow = async (row: { values(o: string): Float64Array | Float32Array }, what: string) => {
    const t = bars.ts_open.length;
    const want = await engines[backend].compute({ indicator: info.id, candles: columns(bars), grid, outputs, dtype });
    for (const o of outputs) {
      const got = row.values(o), exp = want.values(o);
      for (let v = 0; v < want.variants; v++) {
        if (!Object.is(got[v], exp[(t - 1) * want.variants + v])) expect.fail(`${backend} ${dtype} ${what} at bar ${t - 1}: ${o} ${JSON.stringify(want.variant(v))} is ${got[v]}, compute() gives ${exp[(t - 1) * want.variants + v]}`);
      }
    }
  };
  const keep = (row: { values(o: string): Float64Array | Float32Array }) => {
    for (const o of outputs) seen.push({ bar: bars.ts_open.length - 1, output: o, values: row.values(o).slice() });
  };
  const steps = 30 + Math.floor(r() * 25);
  for (let step = 0; step < steps; step++) {
    const u = r();
    if (u < 0.08) {
      // Many bars at once.
      const from = bars.ts_open.length, k = 1 + Math.floor(r() * 12);
      for (let i = 0; i < k; i++) add(next());
      const cols = Object.fromEntries(Object.entries(columns(bars)).map(([f, v]) => [f, v.subarray(from)]));
      const res = await s.pushMany(cols);
      expect(res.t).toBe(k);
      for (let i = 0; i < k; i++) {
        for (const o of outputs) seen.push({ bar: from + i, output: o, values: res.values(o).slice(i * res.variants, (i + 1) * res.variants), pushMany: bars.ts_open.length });
      }
    } else if (u < 0.13) {
      // Checkpoint, restore (on either backend), continue.
      const bytes = s.checkpoint();
      const other = r() < 0.5 ? 'native' : 'wasm';
      const s2 = await engines[other].restoreStream(bytes, { indicator: info.id });
      expect(s2.barsSeen).toBe(s.barsSeen);
      s.close();
      s = s2;
    } else if (u < 0.35 && bars.ts_open.length > 0) {
      // Revise the forming bar, one to three times.
      const times = 1 + Math.floor(r() * 3);
      for (let j = 0; j < times; j++) {
        const last = bars.ts_open.length - 1;
        const b = randomBar(r, bars.ts_open[last]!, price);
        add(b, last);
        const row = s.update(b);
        if (r() < 0.1) await checkNow(row, 'update');
        if (j === times - 1) keep(row);
      }
    } else {
      const b = next();
      add(b);
      const row = s.push(b);
      if (bars.ts_open.length <= 3 || r() < 0.03) await checkNow(row, 'push');
      keep(row);
    }
  }
  // Every row kept (the last revision of its bar) against compute() over all bars.
  const T = bars.ts_open.length;
  const want = await engines[backend].compute({ indicator: info.id, candles: columns(bars), grid, outputs, dtype });
  const longest = Array.from({ length: want.variants }, (_, v) => longestOf(info, want.variant(v)));
  const lastRevision = new Map<number, number>();
  seen.forEach((x, i) => lastRevision.set(x.bar * 64 + outputs.indexOf(x.output), i));
  let compared = 0;
  seen.forEach((x, i) => {
    if (lastRevision.get(x.bar * 64 + outputs.indexOf(x.output)) !== i) return;  // a later revision of this bar was kept
    const barsThen = x.pushMany ?? x.bar + 1;
    const exp = want.values(x.output);
    for (let v = 0; v < want.variants; v++) {
      const e = longest[v]! > barsThen ? NaN : exp[x.bar * want.variants + v]!;
      if (!Object.is(x.values[v], e)) expect.fail(`${backend} ${dtype} ${info.id} ${x.output} ${JSON.stringify(want.variant(v))} at bar ${x.bar} of ${T}: stream ${x.values[v]}, compute() ${e}`);
    }
    compared++;
  });
  expect(compared).toBeGreaterThan(0);
  s.close();
  return s.mode;
}

describe('stream: stepped ids at values the random walk never takes', () => {
  /** Streams `candles` after a history of 4 bars on both backends and dtypes, every row of every variant against compute(). */
  async function likeCompute(indicator: string, grid: Record<string, unknown>, candles: Record<string, number[]>) {
    const T = candles.ts_open!.length;
    const upTo = (n: number) => Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.slice(0, n)]));
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      for (const dtype of ['float64', 'float32'] as const) {
        const s = await engine.stream({ indicator, grid, dtype, history: upTo(4) });
        expect(s.mode).toBe('stepped');
        for (let t = 4; t < T; t++) {
          const row = s.push(Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v[t]!])) as never);
          const want = await engine.compute({ indicator, candles: upTo(t + 1), grid, dtype });
          for (const name of want.outputs) {
            const got = row.values(name), exp = want.values(name);
            for (let v = 0; v < want.variants; v++) {
              if (!Object.is(got[v], exp[t * want.variants + v])) expect.fail(`${backend} ${dtype} ${indicator} ${name} ${JSON.stringify(want.variant(v))} at bar ${t}: stream ${got[v]}, compute() ${exp[t * want.variants + v]}`);
            }
          }
          want.release();
        }
        s.close();
      }
    }
  }

  it('steps the lag family, and its rates at a zero price follow zero_denominator as compute() does', async () => {
    // Zero and negative closes (a spread series), repeated values, a gap.
    const close = [0, 2, 0, -1, 0, 0, 3, NaN, 0, 1, 0, 0, -2, 5, 0, 1, 1, 0];
    const ts_open = close.map((_, i) => 1_000 + i);
    for (const indicator of ['momentum.mom', 'momentum.roc', 'momentum.rocp', 'momentum.rocr', 'momentum.rocr100']) {
      await likeCompute(indicator, { window: [1, 2, 3, 5], ...(indicator === 'momentum.mom' ? {} : { zero_denominator: ['talib', 'nan'] }) }, { ts_open, close });
    }
  });

  it('steps ma.wma from windows of 2 on, through gaps and runs shorter than the window', async () => {
    const close = [5, 3, NaN, 4, 4, 7, 1, NaN, 2, 9, 9, 9, 3, 8, 1, 6, 2, 2, 5];
    await likeCompute('ma.wma', { source: ['close'], window: [2, 3, 4, 6] }, { ts_open: close.map((_, i) => 1_000 + i), close });
  });

  it('steps momentum.macd with fast above and below slow, both seeds, through gaps', async () => {
    const close = [5, 3, NaN, 4, 4, 7, 1, 3, 2, 9, 9, 9, 3, NaN, 8, 1, 6, 2, 2, 5, 4, 6, 8, 7, 3, 2, 4];
    await likeCompute('momentum.macd', { source: ['close'], fast: [2, 5], slow: [3, 4], signal: [1, 3], seed: ['sma', 'first'] }, { ts_open: close.map((_, i) => 1_000 + i), close });
  });

  it('steps tr, obv, ad and bop over flat bars, equal closes, a gap and single missing fields', async () => {
    const close = [10, 10, 11, 11, 10, 10, NaN, 12, 12, 12, 11, 13, 13, 12, 12, 14];
    const candles = {
      ts_open: close.map((_, i) => 1_000 + i),
      open: close.map((c, i) => (i === 9 ? NaN : c)),
      high: close.map((c, i) => (i % 3 === 0 ? c : c + 1)),   // flat bars: high = low = close
      low: close.map((c, i) => (i === 12 ? NaN : i % 3 === 0 ? c : c - 1)),
      close,
      volume: close.map((_, i) => (i === 14 ? NaN : 100 + 10 * i)),
    };
    for (const indicator of ['volatility.tr', 'volume.obv', 'volume.ad', 'momentum.bop']) await likeCompute(indicator, {}, candles);
  });

  it('steps the loops that write their rows from arrays (SAR lanes, the moments, ranks, channels, WMA, HMA) as compute() does', async () => {
    // Trends that reverse, a flat stretch (a constant window: variance 0, equal ranks), a gap, zero-width bars.
    const close: number[] = [];
    for (let i = 0; i < 70; i++) close.push(i >= 30 && i < 48 ? 50 : 50 + 12 * Math.sin(i / 4) + ((i * 7) % 5) - 2);
    close[22] = NaN;
    const high = close.map((c, i) => (i >= 30 && i < 40 ? c : c + 1 + (i % 3)));
    const low = close.map((c, i) => (i >= 30 && i < 40 ? c : c - 1 - (i % 2)));
    const volume = close.map((_, i) => (i % 9 === 4 ? 0 : 100 + ((i * 37) % 50)));
    const candles = { ts_open: close.map((_, i) => 1_000 + i), open: close.map((c, i) => c + (i % 4) - 1.5), high, low, close, volume };
    const windows = { window: [3, 10, 16, 20] };
    await likeCompute('trend.psar', { accel_start: [0.02, 0.3], accel_max: [0.2] }, candles);
    await likeCompute('trend.sarext', { startvalue: [0, 45, -60], offsetonreverse: [0, 0.01] }, candles);
    for (const indicator of ['volatility.bbands', 'volatility.bbands_bandwidth', 'volatility.bbands_percent_b']) await likeCompute(indicator, { ...windows, mult: [0.5, 2] }, candles);
    await likeCompute('volatility.stddev', { ...windows, nbdev: [1, 2.5] }, candles);
    for (const indicator of ['volatility.variance', 'volatility.hv', 'structure.zscore', 'structure.percent_rank', 'ma.wma']) await likeCompute(indicator, windows, candles);
    await likeCompute('momentum.stoch', { k_window: [3, 9], k_smoothing: [1, 3], d_window: [2] }, candles);
    await likeCompute('momentum.stochf', { k_window: [3, 9], d_window: [1, 3] }, candles);
    await likeCompute('momentum.stoch_rsi', {}, candles);
    // The channels' rows (max, min, range, mid), and the loops that stored `cond ? NaN : value` or read returned sums.
    for (const indicator of ['structure.max', 'structure.min', 'structure.minmax', 'structure.midpoint', 'momentum.fisher', 'volume.vwap_deviation', 'volatility.accbands']) await likeCompute(indicator, windows, candles);
    await likeCompute('structure.candle_stats_atr_norm', { atr_window: [3, 14] }, candles);
    await likeCompute('structure.pivots', { left: [2, 5], right: [1, 3] }, candles);
    await likeCompute('structure.candle_stats', {}, candles);
    await likeCompute('structure.distance_to_ma_norm', { source: ['close', 'hl2'], window: [3, 14], seed: ['sma', 'first'] }, candles);
    // HMA's blocks of four and of two windows of one span (4, then 3 and 5 in pairs), and a window alone.
    await likeCompute('ma.hma', { window: [4, 9, 10, 16, 17, 18, 19, 20, 25, 26] }, candles);
  });
});

describe('stream: bad input is refused with a code and leaves the state unchanged', () => {
  const bar = (i: number, close = 100 + i) => ({ ts_open: 1_000 + i, open: close, high: close + 1, low: close - 1, close, volume: 10 });

  it('refuses a push not after the last bar, an update of another bar, a missing field, a closed stream', async () => {
    // A stepped id, and one that recomputes (as an indicator without a stepper does).
    for (const [indicator, mode, grid] of [['ma.ema', 'stepped', { window: [3, 5] }], ['momentum.apo', 'recompute', { fast: [3], slow: [5] }]] as const) {
      const engine = await engineFor('native');
      const s = mode === 'stepped' ? await engine.stream({ indicator, grid, dtype: 'float64' }) : await withoutStepper(indicator, () => engine.stream({ indicator, grid, dtype: 'float64' }));
      expect(s.mode).toBe(mode);
      expect((await failure(() => s.update(bar(0)))).code).toBe('INVALID_CANDLES');  // nothing to revise yet
      for (let i = 0; i < 6; i++) s.push(bar(i));
      const before = s.checkpoint();
      const cases: [() => unknown, string][] = [
        [() => s.push(bar(5)), 'INVALID_CANDLES'],           // same ts_open as the last bar
        [() => s.push(bar(2)), 'INVALID_CANDLES'],           // earlier
        [() => s.update(bar(6)), 'INVALID_CANDLES'],         // another bar than the last
        [() => s.push({ ts_open: 2_000, open: 1, high: 2, low: 0.5, volume: 1 }), 'MISSING_INPUT'],  // no close
        [() => s.push({ ...bar(7), close: Infinity }), 'INVALID_CANDLES'],
        [() => s.push({ ...bar(7), high: 1, low: 2 }), 'INVALID_CANDLES'],
        [() => s.push({ ...bar(7), ts_open: NaN }), 'INVALID_CANDLES'],
        [() => s.push(null as never), 'INVALID_CANDLES'],
        [() => s.pushMany({ ts_open: [1_003], open: [1], high: [1], low: [1], close: [1], volume: [1] }), 'INVALID_CANDLES'],
        [() => s.pushMany({ ts_open: [3_000], open: [1] }), 'MISSING_INPUT'],
      ];
      for (const [call, code] of cases) {
        const f = await failure(call);
        expect(f.code, `${indicator}: ${call.toString()}`).toBe(code);
        expect(f.message).toBeTruthy();
        expect(Buffer.from(s.checkpoint()).equals(Buffer.from(before))).toBe(true);
      }
      // The rows go on as if the bad calls never happened.
      const clean = await engine.stream({ indicator, grid, dtype: 'float64' });
      for (let i = 0; i < 6; i++) clean.push(bar(i));
      expect([...s.push(bar(6)).values()]).toEqual([...clean.push(bar(6)).values()]);
      s.close();
      expect((await failure(() => s.push(bar(7)))).code).toBe('STREAM_CLOSED');
      expect((await failure(() => s.checkpoint())).code).toBe('STREAM_CLOSED');
      clean.close();
    }
  });

  it('refuses outputs that look ahead, naming them', async () => {
    const engine = await engineFor('native');
    const f = await failure(engine.stream({ indicator: 'trend.ichimoku' }));
    expect(f.code).toBe('GRID_VALIDATION');
    expect(f.message).toContain("'lagging'");
    const s = await engine.stream({ indicator: 'trend.ichimoku', outputs: ['conversion', 'base'] });
    expect(s.outputs).toEqual(['conversion', 'base']);
    s.close();
  });

  it('restoreStream refuses another version, indicator, grid, dtype, or corrupted bytes (STATE_INCOMPATIBLE)', async () => {
    const engine = await engineFor('wasm');
    const s = await engine.stream({ indicator: 'ma.sma', grid: { window: [3, 4] } });
    for (let i = 0; i < 10; i++) s.push(bar(i));
    const bytes = s.checkpoint();
    const incompatible = async (b: unknown, expectReq?: object) => (await failure(engine.restoreStream(b as Uint8Array, expectReq))).code;
    const flipped = bytes.slice();
    flipped[flipped.length - 40]! ^= 1;
    expect(await incompatible(flipped)).toBe('STATE_INCOMPATIBLE');
    expect(await incompatible(bytes.slice(0, bytes.length - 8))).toBe('STATE_INCOMPATIBLE');
    expect(await incompatible(new Uint8Array(8))).toBe('STATE_INCOMPATIBLE');
    expect(await incompatible('not bytes')).toBe('STATE_INCOMPATIBLE');
    expect(await incompatible(bytes, { indicator: 'ma.ema' })).toBe('STATE_INCOMPATIBLE');
    expect(await incompatible(bytes, { grid: { window: [3, 5] } })).toBe('STATE_INCOMPATIBLE');
    expect(await incompatible(bytes, { dtype: 'float64' })).toBe('STATE_INCOMPATIBLE');
    // Another version: the header rewritten (and its checksum made valid again).
    const { createHash } = await import('node:crypto');
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('"version":"') + 11;
    const other = bytes.slice();
    other[at] = other[at] === 57 ? 56 : 57;  // first digit of the version
    other.set(createHash('sha256').update(other.subarray(0, other.length - 32)).digest(), other.length - 32);
    const f = await failure(engine.restoreStream(other));
    expect(f.code).toBe('STATE_INCOMPATIBLE');
    expect(f.message).toContain('made by ta-grid');
    // Another state layout of the same version (an earlier format): refused, though its state has the same length.
    const fmt = text.indexOf('"format":') + 9;
    const older = bytes.slice();
    older[fmt] = older[fmt]! - 1;
    older.set(createHash('sha256').update(older.subarray(0, older.length - 32)).digest(), older.length - 32);
    const g = await failure(engine.restoreStream(older));
    expect(g.code).toBe('STATE_INCOMPATIBLE');
    expect(g.message).toMatch(/\(format \d\); this is .* \(format \d\)/);
    const ok = await engine.restoreStream(bytes, { indicator: 'ma.sma', grid: { window: [3, 4] }, dtype: 'float32' });
    expect([...ok.push(bar(10)).values()]).toEqual([...s.push(bar(10)).values()]);
    ok.close();
    s.close();
  });

  it('counts stream state against maxComputeBytesTotal and gives it back on close()', async () => {
    const engine = await createEngine(testEngineOptions({ backend: 'native', maxComputeBytesTotal: 64 * 2 ** 20 }));
    try {
      // A recomputed grid (as of an indicator without a stepper) keeps its run: 1,001 variants over 20,000 bars are above 64 MiB.
      const s = await withoutStepper('ma.hma', () => engine.stream({ indicator: 'ma.hma', grid: { window: { start: 257, stop: 1257 } } }));
      expect(s.mode).toBe('recompute');
      expect(s.stateBytes).toBeGreaterThan(0);
      const close = Float64Array.from({ length: 20_000 }, (_, i) => 100 + Math.sin(i));
      const history = { ts_open: Float64Array.from({ length: 20_000 }, (_, i) => i), open: close, high: close.map((x) => x + 1), low: close.map((x) => x - 1), close };
      const f = await failure(s.pushMany(history));
      expect(f.code).toBe('COMPUTE_BUDGET_EXCEEDED');
      expect(s.barsSeen).toBe(0);
      s.close();
      // Closed, its bytes are free again: a stepped grid of the same size fits.
      const e = await engine.stream({ indicator: 'ma.ema', grid: { window: { start: 2, stop: 1001 } } });
      expect(e.stateBytes).toBeLessThan(64 * 1000);
      e.close();
    } finally {
      await engine.close();
    }
  });
});
