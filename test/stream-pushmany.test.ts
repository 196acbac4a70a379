// pushMany() and `history` of stepped ids step their bars in batches
// (through the batch kernel with its state, Stepper.stepMany, or step() bar
// by bar without the per-bar bookkeeping of push()); these check that a batch leaves exactly the state and rows that
// pushing the same bars one by one leaves: checkpoints byte for byte, rows
// with Object.is, and both against compute(), for batches longer than the
// windows and rings, gaps inside a batch, history, revisions in between,
// and a batch that fails part-way.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type StreamCandle } from '../dist/index.js';
import { closeEngines, engineFor, rng, withoutStepper, type BackendName } from './helpers.js';

afterAll(closeEngines);

type Cols = Record<'ts_open' | 'open' | 'high' | 'low' | 'close' | 'volume', Float64Array>;

/** T bars of a random walk with whole-bar gaps (runs of 1 to 3 bars) and single missing fields, some in every stretch of 100 bars. */
function walk(T: number, seed: number): Cols {
  const r = rng(seed);
  const c = { ts_open: new Float64Array(T), open: new Float64Array(T), high: new Float64Array(T), low: new Float64Array(T), close: new Float64Array(T), volume: new Float64Array(T) };
  let price = 100;
  for (let i = 0; i < T; i++) {
    c.ts_open[i] = 1_700_000_000_000 + i * 60_000;
    const open = price, close = open * (1 + (r() - 0.5) * 0.03);
    c.open[i] = open;
    c.close[i] = close;
    c.high[i] = Math.max(open, close) * (1 + r() * 0.01);
    c.low[i] = Math.min(open, close) * (1 - r() * 0.01);
    c.volume[i] = 100 + 900 * r();
    price = close;
  }
  for (let at = 30; at < T; at += 60 + Math.floor(r() * 40)) {
    const len = 1 + Math.floor(r() * 3);
    for (let i = at; i < Math.min(T, at + len); i++) for (const f of ['open', 'high', 'low', 'close', 'volume'] as const) c[f][i] = NaN;
    const one = Math.min(T - 1, at + 17);
    c[(['open', 'high', 'low', 'close', 'volume'] as const)[Math.floor(r() * 5)]!][one] = NaN;
  }
  return c;
}

const part = (c: Cols, from: number, to: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(from, to)])) as Cols;
const bar = (c: Cols, i: number): StreamCandle => ({ ts_open: c.ts_open[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! });
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Small grids with windows shorter and longer than the batches below. */
function gridOf(id: string, axes: readonly { name: string; kind: string; min?: number; max?: number; values?: string[] }[]): Record<string, unknown> {
  const grid: Record<string, unknown> = {};
  for (const a of axes) {
    if (a.kind === 'source') grid[a.name] = ['close', 'hlc3'];
    else if (a.kind === 'int') grid[a.name] = [...new Set([a.min!, Math.min(a.max!, a.min! + 3), Math.min(a.max!, 40)])];
  }
  return id === 'momentum.macd' ? { ...grid, fast: [3, 12], slow: [5, 26], signal: [2, 9] } : grid;
}

async function steppedIds(): Promise<{ id: string; grid: Record<string, unknown> }[]> {
  const engine = await engineFor('native');
  const out: { id: string; grid: Record<string, unknown> }[] = [];
  for (const info of listIndicators()) {
    const outputs = info.outputs.filter((o) => !o.looksAhead).map((o) => o.name);
    const grid = gridOf(info.id, info.axes);
    const s = await engine.stream({ indicator: info.id, grid, outputs });
    if (s.mode === 'stepped') out.push({ id: info.id, grid });
    s.close();
  }
  return out;
}

describe('pushMany and history step in batches exactly as push() steps bar by bar', async () => {
  const ids = await steppedIds();
  it('finds the stepped ids', () => {
    expect(ids.map((x) => x.id)).toEqual(expect.arrayContaining(['ma.sma', 'ma.ema', 'ma.rma', 'ma.wma', 'momentum.rsi', 'momentum.macd']));
  });

  ids.forEach(({ id, grid }, n) => {
    it(id, async () => {
      const backend: BackendName = n % 2 === 0 ? 'native' : 'wasm';
      const engine = await engineFor(backend);
      const T = 420;
      const c = walk(T, 7 + n);
      for (const dtype of ['float64', 'float32'] as const) {
        const info = listIndicators().find((x) => x.id === id)!;
        const outputs = info.outputs.filter((o) => !o.looksAhead).map((o) => o.name);
        // a: history, pushes, a revised forming bar, a batch longer than any window (gaps inside), its last bar revised, a short batch.
        // b: the same bars pushed one by one (at their last revision).
        const a = await engine.stream({ indicator: id, grid, outputs, dtype, history: part(c, 0, 60) });
        const b = await engine.stream({ indicator: id, grid, outputs, dtype });
        for (let i = 0; i < 60; i++) b.push(bar(c, i));
        expect(sameBytes(a.checkpoint(), b.checkpoint()), `${id} ${dtype}: history`).toBe(true);
        for (let i = 60; i < 70; i++) {
          a.push(bar(c, i));
          b.push(bar(c, i));
        }
        a.push({ ...bar(c, 70), close: NaN });  // a forming bar, revised
        a.update(bar(c, 70));
        b.push(bar(c, 70));
        const rows: Record<string, (Float32Array | Float64Array)[]> = Object.fromEntries(outputs.map((o) => [o, []]));
        const big = await a.pushMany(part(c, 71, 400));
        for (let i = 71; i < 400; i++) {
          const row = b.push(bar(c, i));
          for (const o of outputs) rows[o]!.push(row.values(o).slice());
        }
        expect(big.t).toBe(329);
        for (const o of outputs) {
          const got = big.values(o);
          rows[o]!.forEach((want, i) => {
            for (let v = 0; v < want.length; v++) {
              if (!Object.is(got[i * want.length + v], want[v])) expect.fail(`${backend} ${dtype} ${id} ${o} ${JSON.stringify(big.variant(v))} at bar ${71 + i}: pushMany ${got[i * want.length + v]}, push ${want[v]}`);
            }
          });
        }
        expect(sameBytes(a.checkpoint(), b.checkpoint()), `${id} ${dtype}: after the batch`).toBe(true);
        const revised = { ...bar(c, 399), close: c.close[399]! * 1.01, high: Math.max(c.high[399]!, c.close[399]! * 1.01) };
        a.update(revised);
        b.update(revised);
        const tail = await a.pushMany(part(c, 400, T));
        for (let i = 400; i < T; i++) b.push(bar(c, i));
        expect(sameBytes(a.checkpoint(), b.checkpoint()), `${id} ${dtype}: after the second batch`).toBe(true);
        // The last rows against compute() over every bar (bar 399 at its revision).
        const all = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.slice()]));
        all.close![399] = revised.close;
        all.high![399] = revised.high;
        const want = await engine.compute({ indicator: id, candles: all, grid, outputs, dtype });
        for (const o of outputs) {
          const got = tail.values(o), exp = want.values(o), V = want.variants;
          for (let i = 0; i < T - 400; i++) {
            for (let v = 0; v < V; v++) {
              if (!Object.is(got[i * V + v], exp[(400 + i) * V + v])) expect.fail(`${backend} ${dtype} ${id} ${o} ${JSON.stringify(want.variant(v))} at bar ${400 + i}: pushMany ${got[i * V + v]}, compute() ${exp[(400 + i) * V + v]}`);
            }
          }
        }
        want.release();
        a.close();
        b.close();
      }
    });
  });
});

describe('a pushMany that fails part-way leaves the stream unchanged', async () => {
  // Every stepper with a batch route fails as the route hands the state back (the kernel's
  // state loaded, or the state set after the prelude's call); structure.minindex steps bar by bar (its lead, longer
  // than the bars seen: the stream does not hold the tail yet).
  const routes: { id: string; grid: Record<string, unknown>; target: 'kernel' | 'prelude' | 'stepper'; method: string }[] = [];
  const native = await engineFor('native');
  for (const { id, grid } of await steppedIds()) {
    const s = await native.stream({ indicator: id, grid, outputs: listIndicators().find((x) => x.id === id)!.outputs.filter((o) => !o.looksAhead).map((o) => o.name) });
    const stepper = (s as unknown as { stepper: Record<string, unknown> }).stepper;
    if (stepper.kernel) routes.push({ id, grid, target: 'kernel', method: 'load' });
    else if (stepper.prelude) routes.push({ id, grid, target: 'prelude', method: 'skip' });
    s.close();
  }
  routes.push({ id: 'structure.minindex', grid: { window: [2, 5, 100] }, target: 'stepper', method: 'step' });
  it('finds the routed ids', () => {
    expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(['ma.sma', 'ma.ema', 'ma.wma', 'momentum.rsi', 'ma.hma', 'momentum.mom', 'structure.min', 'structure.percent_rank', 'trend.aroon']));
  });

  for (const { id, grid, target, method } of routes) {
    it(`${id}, failing in ${target === 'stepper' ? '' : `${target}.`}${method}()`, async () => {
      const engine = await engineFor('native');
      const c = walk(200, 3);
      const outputs = listIndicators().find((x) => x.id === id)!.outputs.filter((o) => !o.looksAhead).map((o) => o.name);
      const s = await engine.stream({ indicator: id, grid, outputs, dtype: 'float64', history: part(c, 0, 50) });
      s.push(bar(c, 50));
      const before = s.checkpoint();
      // A fault after the stepper changed its state: the stream must put it back.
      const stepper = (s as unknown as { stepper: Record<string, unknown> }).stepper;
      const holder = (target === 'stepper' ? stepper : stepper[target]) as Record<string, (...a: unknown[]) => void>;
      const original = holder[method]!;
      let calls = 0;
      holder[method] = function (this: unknown, ...args: unknown[]) {
        original.apply(this, args);
        if (++calls === 20 || target !== 'stepper') throw new Error('injected fault');
      };
      await expect(s.pushMany(part(c, 51, 150))).rejects.toThrow('injected fault');
      holder[method] = original;
      expect(calls).toBeGreaterThan(0);
      expect(s.barsSeen).toBe(51);
      expect(sameBytes(s.checkpoint(), before)).toBe(true);
      // It goes on as a stream that never saw the failed call.
      const clean = await engine.stream({ indicator: id, grid, outputs, dtype: 'float64', history: part(c, 0, 51) });
      const got = await s.pushMany(part(c, 51, 150)), want = await clean.pushMany(part(c, 51, 150));
      for (const o of outputs) expect(Array.from(got.values(o))).toEqual(Array.from(want.values(o)));
      s.close();
      clean.close();
    });
  }
});

describe('pushMany() reads its candles as compute() reads them', () => {
  // The result's open times are the batch's own (not a copy); the bars the stream applies itself (the
  // last one, or every bar of a stream that recomputes) are read from the columns as given, here float32
  // with int64 open times and derived sources, while the kernels read their shared float64 copies.
  it('gives the batch\'s open times and the rows of compute(), the last bar revised after it, stepped and recomputed', async () => {
    const c = walk(300, 11);
    const given = {
      ts_open: BigInt64Array.from(c.ts_open, (x) => BigInt(x)),
      ...Object.fromEntries((['open', 'high', 'low', 'close', 'volume'] as const).map((k) => [k, Float32Array.from(c[k])])),
    } as unknown as Record<string, BigInt64Array | Float32Array>;
    const cut = (from: number, to: number) => Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.subarray(from, to)]));
    const grid = { source: ['hl2', 'hlc3'], window: [3, 20] };
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      for (const mode of ['stepped', 'recompute'] as const) {
        const run = async () => {
          const s = await engine.stream({ indicator: 'ma.sma', grid, history: cut(0, 100) });
          expect(s.mode).toBe(mode);
          const r = await s.pushMany(cut(100, 300));
          expect(r.tsOpen).toBeInstanceOf(BigInt64Array);
          expect(Array.from(r.tsOpen)).toEqual(Array.from(given.ts_open!.subarray(100, 300)));
          const want = await engine.compute({ indicator: 'ma.sma', grid, candles: given as never });
          const V = want.variants, got = r.values('sma'), exp = want.values('sma');
          for (let i = 0; i < 200 * V; i++) {
            if (!Object.is(got[i], exp[100 * V + i])) expect.fail(`${backend} ${mode}: pushMany ${got[i]} at ${i}, compute() ${exp[100 * V + i]}`);
          }
          want.release();
          // update() after pushMany(): the last bar revised, against compute() over the revised bars.
          const high = Math.fround(c.high[299]! * 1.02);
          const row = s.update({ ts_open: given.ts_open![299]!, open: given.open![299]! as number, high, low: given.low![299]! as number, close: high, volume: given.volume![299]! as number });
          const revised = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.slice()]));
          revised.high![299] = high;
          revised.close![299] = high;
          const after = await engine.compute({ indicator: 'ma.sma', grid, candles: revised as never });
          const last = after.values('sma').subarray(299 * V, 300 * V), mine = row.values('sma');
          for (let v = 0; v < V; v++) if (!Object.is(mine[v], last[v])) expect.fail(`${backend} ${mode}: update() ${mine[v]} for variant ${v}, compute() ${last[v]}`);
          after.release();
          s.close();
        };
        if (mode === 'stepped') await run();
        else await withoutStepper('ma.sma', run);
      }
    }
  });
});

describe('pushMany() reads its candles when it is called', () => {
  // pushMany() loads its candles before its first await (the kernels read shared copies made then); the last
  // bar, applied after the kernels, is read then too, so a caller may refill its arrays once it has the promise.
  it('gives the same rows and state when the caller overwrites its arrays before the promise settles', async () => {
    const c = walk(400, 12);
    const cut = (from: number, to: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.slice(from, to)])) as Cols;
    for (const backend of ['native', 'wasm'] as const) {
      const engine = await engineFor(backend);
      for (const indicator of ['ma.sma', 'ma.ema', 'volatility.atr']) {
        const grid = indicator === 'volatility.atr' ? { window: [3, 14] } : { source: ['close', 'hl2'], window: [3, 20] };
        const kept = await engine.stream({ indicator, grid, history: cut(0, 100) });
        const reused = await engine.stream({ indicator, grid, history: cut(0, 100) });
        const want = await kept.pushMany(cut(100, 400));
        const batch = cut(100, 400);
        const pending = reused.pushMany(batch);
        for (const col of Object.values(batch)) col.fill(0.5);
        const got = await pending;
        for (const name of got.outputs) {
          const w = want.values(name), g = got.values(name);
          for (let i = 0; i < w.length; i++) if (!Object.is(g[i], w[i])) expect.fail(`${backend} ${indicator} ${name} at ${i}: ${g[i]}, untouched arrays ${w[i]}`);
        }
        expect(Buffer.from(reused.checkpoint()).equals(Buffer.from(kept.checkpoint())), `${backend} ${indicator}: the state after the batch`).toBe(true);
        want.release();
        got.release();
        kept.close();
        reused.close();
      }
    }
  });
});
