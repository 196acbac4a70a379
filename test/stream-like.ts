// What the edge-case stream tests share (stream-chains, stream-rest): bars
// made from closes, and a stream of them checked row by row, bit for bit,
// against compute() over the same bars.
import { expect } from 'vitest';
import { listIndicators, type StreamCandle } from '../dist/index.js';
import { engineFor, rng } from './helpers.js';

export type Columns = Record<string, number[]>;

/** Bars from closes (and, optionally, volumes and ranges): open = previous close (clamped into the range), high/low = close ± range. */
export function candles(close: number[], volume?: number[], range?: number[]): Columns {
  const c: Columns = { ts_open: close.map((_, i) => 1_000 + i), open: [], high: [], low: [], close, volume: volume ?? close.map((_, i) => 10 + (i % 7)) };
  close.forEach((x, i) => {
    const r = range?.[i] ?? 1;
    c.open![i] = i > 0 && close[i - 1] === close[i - 1] && x === x ? Math.min(Math.max(close[i - 1]!, x - r), x + r) : x;
    c.high![i] = x + r;
    c.low![i] = x - r;
  });
  return c;
}

export const barOf = (c: Columns, t: number): StreamCandle => Object.fromEntries(Object.keys(c).map((k) => [k, c[k]![t]!])) as never;

/** A random walk of n values from `from`, steps of up to ±2%. */
export const walk = (n: number, seed: number, from = 100): number[] => {
  const r = rng(seed);
  let x = from;
  return Array.from({ length: n }, () => (x = x * (1 + (r() - 0.5) * 0.04)));
};

/**
 * Streams `c` (a history of `history` bars, 3 unless given, then pushes) on
 * both backends, checking every row against compute() over all the bars (a
 * variant whose longest length is above the bars seen is NaN, as compute()
 * over those bars makes it): every third bar is first pushed as
 * `revised(bar)` and then updated to the real bar, and at bar `restoreAt`
 * the stream is checkpointed and continues restored on the other backend.
 */
export async function likeCompute(indicator: string, grid: Record<string, unknown>, c: Columns, opts: { restoreAt?: number; revised?: (b: StreamCandle) => StreamCandle; history?: number } = {}) {
  const T = c.ts_open!.length, h = opts.history ?? 3;
  const history = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.slice(0, h)]));
  const lengths = listIndicators().find((i) => i.id === indicator)!.axes.filter((a) => a.kind === 'int').map((a) => a.name);
  const revised = opts.revised ?? ((b: StreamCandle) => ({ ...b, close: (b.close ?? 0) * 1.01 + 0.5, high: (b.high ?? 0) * 1.01 + 0.5, volume: (b.volume ?? 0) + 3 }));
  // The stepper is the same code on either backend: float64 on native and float32 on wasm cover both kernels and dtypes.
  for (const [backend, dtype] of [['native', 'float64'], ['wasm', 'float32']] as const) {
    const other = backend === 'native' ? 'wasm' : 'native';
    const engine = await engineFor(backend);
    const want = await engine.compute({ indicator, candles: c, grid, dtype });
    const longest = Array.from({ length: want.variants }, (_, v) => Math.max(0, ...lengths.map((p) => want.variant(v)[p] as number)));
    let s = await engine.stream({ indicator, grid, dtype, history });
    expect(s.mode, indicator).toBe('stepped');
    for (let t = h; t < T; t++) {
      if (t === opts.restoreAt) {
        const s2 = await (await engineFor(other)).restoreStream(s.checkpoint(), { indicator });
        s.close();
        s = s2;
      }
      let row;
      if (t % 3 === 0) {
        s.push(revised(barOf(c, t)));
        row = s.update(barOf(c, t));
      } else row = s.push(barOf(c, t));
      for (const name of want.outputs) {
        const got = row.values(name), exp = want.values(name);
        for (let v = 0; v < want.variants; v++) {
          const e = longest[v]! > t + 1 ? NaN : exp[t * want.variants + v]!;
          if (!Object.is(got[v], e)) expect.fail(`${backend} ${dtype} ${indicator} ${name} ${JSON.stringify(want.variant(v))} at bar ${t}: stream ${got[v]}, compute() ${e}`);
        }
      }
    }
    s.close();
    want.release();
  }
}
