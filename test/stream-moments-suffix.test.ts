// A batch through the moments' kernel (variance, stddev, zscore, bbands,
// hv) sets the blocks' state by stepping only the batch's last bars, from
// the bar where that leaves the state stepping every bar leaves (a ring and
// a chunk length back, no gap among them, the run of equal inputs starting
// inside the batch). These put gaps and flat stretches on either side of
// that bar and check the rows against compute() (Object.is) and the state
// against a stream pushed bar by bar (checkpoints byte for byte).
import { afterAll, describe, expect, it } from 'vitest';
import type { StreamCandle } from '../dist/index.js';
import { closeEngines, engineFor, syntheticCandles, type BackendName } from './helpers.js';

afterAll(closeEngines);

type Cols = ReturnType<typeof syntheticCandles>;
const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
const part = (c: Cols, from: number, to: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(from, to)])) as Cols;
const barOf = (c: Cols, i: number): StreamCandle => ({ ts_open: c.ts_open[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! });
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

// Windows 3 (summed directly), 20 and 300 (chunks of 1,024): the batch's last 300 + 1,024 - 1 bars set the state.
const WINDOWS = [3, 20, 300];
const SUFFIX = 300 + 1024 - 1;
const HISTORY = 700, BATCH = 2_600, FROM = BATCH - SUFFIX;  // FROM: the batch's first bar stepped

interface Scenario {
  name: string;
  /** Whole-bar gaps and flat bars (every price the one before), as batch bar indexes. */
  gaps: readonly number[];
  flat: readonly [number, number][];
}

const SCENARIOS: Scenario[] = [
  { name: 'no gap', gaps: [], flat: [] },
  { name: 'a gap just before the first bar stepped', gaps: [FROM - 3], flat: [] },
  { name: 'a gap among the bars stepped (every bar steps)', gaps: [FROM + 40], flat: [] },
  { name: 'a flat stretch across the first bar stepped', gaps: [], flat: [[FROM - 30, FROM + 12]] },
  { name: 'a flat stretch from before the first bar stepped to the batch end', gaps: [], flat: [[FROM - 30, BATCH - 1]] },
  { name: 'a flat stretch from the batch start past the first bar stepped', gaps: [], flat: [[0, FROM + 5]] },
];

const CASES: { id: string; grid: Record<string, unknown>; backend: BackendName; dtype: 'float32' | 'float64' }[] = [
  { id: 'volatility.hv', grid: { source: ['close'], window: WINDOWS }, backend: 'native', dtype: 'float64' },
  { id: 'structure.zscore', grid: { source: ['close', 'hl2'], window: WINDOWS }, backend: 'wasm', dtype: 'float64' },
  { id: 'volatility.variance', grid: { source: ['close'], window: WINDOWS }, backend: 'wasm', dtype: 'float32' },
  { id: 'volatility.bbands', grid: { source: ['hlc3'], window: WINDOWS, mult: [2] }, backend: 'native', dtype: 'float32' },
];

function candles(sc: Scenario): Cols {
  const T = HISTORY + 3 + BATCH;
  const c = syntheticCandles({ t: T, seed: 5 + sc.gaps.length + sc.flat.length });
  const B = HISTORY + 3;
  for (const [a, b] of sc.flat) {
    for (let i = B + a; i <= B + b; i++) {
      const p = c.close[i - 1]!;
      c.open[i] = c.high[i] = c.low[i] = c.close[i] = p;
    }
  }
  for (const g of sc.gaps) for (const f of FIELDS) c[f][B + g] = NaN;
  return c;
}

describe('the moments: a batch through the kernel steps its last bars alone, leaving the state of every bar stepped', () => {
  for (const k of CASES) {
    it(`${k.id} (${k.backend}, ${k.dtype})`, async () => {
      const engine = await engineFor(k.backend);
      for (const sc of SCENARIOS) {
        const c = candles(sc), B = HISTORY + 3, T = B + BATCH;
        const a = await engine.stream({ indicator: k.id, grid: k.grid, dtype: k.dtype, history: part(c, 0, HISTORY) });
        expect(a.batchRoute, k.id).toBe('kernel');
        const b = await engine.stream({ indicator: k.id, grid: k.grid, dtype: k.dtype });
        for (let i = 0; i < B; i++) {
          if (i >= HISTORY) a.push(barOf(c, i));
          b.push(barOf(c, i));
        }
        const got = await a.pushMany(part(c, B, T));
        for (let i = B; i < T; i++) b.push(barOf(c, i));
        const want = await engine.compute({ indicator: k.id, grid: k.grid, dtype: k.dtype, candles: part(c, 0, T) });
        const V = want.variants;
        for (const o of want.outputs) {
          const g = got.values(o), w = want.values(o);
          for (let i = 0; i < BATCH; i++) {
            for (let v = 0; v < V; v++) {
              if (!Object.is(g[i * V + v], w[(B + i) * V + v])) expect.fail(`${k.id} ${sc.name}: ${o} variant ${v} at batch bar ${i}: pushMany ${g[i * V + v]}, compute() ${w[(B + i) * V + v]}`);
            }
          }
        }
        expect(sameBytes(a.checkpoint(), b.checkpoint()), `${k.id} ${sc.name}: the state after the batch`).toBe(true);
        // And the rows after it, pushed.
        const next = { ...barOf(c, T - 1), ts_open: c.ts_open[T - 1]! + 60_000, close: c.close[T - 1]! * 1.001 };
        const ra = a.push(next), rb = b.push(next);
        for (const o of want.outputs) expect(Array.from(ra.values(o)), `${k.id} ${sc.name}: ${o} pushed after`).toEqual(Array.from(rb.values(o)));
        want.release();
        got.release();
        a.close();
        b.close();
      }
    });
  }
});
