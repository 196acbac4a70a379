// pushMany() and `history` through the batch kernel over a prelude
// (Stepper.prelude: the kernel over the last bars seen and the new ones,
// the prelude's rows dropped): ma.wma and every other finite-memory id. These check the edge cases of each route
// against compute() over the bars seen (rows, with Object.is) and against a
// stream pushed bar by bar (checkpoints byte for byte), on both backends and
// dtypes: a gap inside the batch, at its first bar and just before it, a
// current run shorter than the prelude, a stream younger than it, and a
// revision of the bar before the batch.
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type StreamCandle } from '../dist/index.js';
import { closeEngines, engineFor, syntheticCandles, type BackendName } from './helpers.js';

afterAll(closeEngines);

type Cols = Record<'ts_open' | 'open' | 'high' | 'low' | 'close' | 'volume', Float64Array>;
const FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

/** T bars of a random walk, whole-bar gaps at `gaps`. */
function bars(T: number, seed: number, gaps: readonly number[]): Cols {
  const c = syntheticCandles({ t: T, seed });
  for (const g of gaps) for (const f of FIELDS) c[f][g] = NaN;
  return c;
}

const part = (c: Cols, from: number, to: number) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.subarray(from, to)])) as Cols;
const barOf = (c: Cols, i: number): StreamCandle => ({ ts_open: c.ts_open[i]!, open: c.open[i]!, high: c.high[i]!, low: c.low[i]!, close: c.close[i]!, volume: c.volume[i]! });
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

interface Scenario {
  name: string;
  /** History bars, then 3 pushes (the last revised), then a batch of `batch` bars, then a second batch to the end. */
  history: number;
  batch: number;
  /** Gaps relative to the first bar of the batch. */
  gaps: readonly number[];
}

// B: the first bar of the first batch (history + 3).
const SCENARIOS: Scenario[] = [
  { name: 'a gap inside the batch', history: 300, batch: 200, gaps: [40, 41, 150] },
  { name: 'a gap at the first bar of the batch', history: 300, batch: 120, gaps: [0] },
  { name: 'a gap on the bar before the batch', history: 300, batch: 120, gaps: [-1] },
  { name: 'a current run shorter than the prelude', history: 300, batch: 150, gaps: [-20, -19] },
  { name: 'a stream younger than the prelude', history: 4, batch: 100, gaps: [30] },
];

/** Runs a scenario on a stream and on one pushed bar by bar, checking rows against compute() and checkpoints against each other. */
async function check(id: string, grid: Record<string, unknown>, backend: BackendName, dtype: 'float32' | 'float64', sc: Scenario, route: (s: unknown) => boolean): Promise<void> {
  const engine = await engineFor(backend);
  const B = sc.history + 3, T = B + sc.batch + 90;
  const c = bars(T, 11 + sc.history + sc.batch, sc.gaps.map((g) => B + g));
  // Every output but one that looks ahead (ichimoku's lagging), which a stream refuses.
  const outputs = listIndicators().find((x) => x.id === id)!.outputs.filter((o) => !o.looksAhead).map((o) => o.name);
  const a = await engine.stream({ indicator: id, grid, outputs, dtype, history: part(c, 0, sc.history) });
  expect(route(a), `${id}: the stream takes the route`).toBe(true);
  const b = await engine.stream({ indicator: id, grid, outputs, dtype });
  for (let i = 0; i < sc.history; i++) b.push(barOf(c, i));
  for (let i = sc.history; i < B; i++) {
    a.push(i === B - 1 ? { ...barOf(c, i), close: c.close[i]! * 1.02, high: c.high[i]! * 1.02 } : barOf(c, i));
    b.push(barOf(c, i));
  }
  a.update(barOf(c, B - 1));
  for (const [from, to] of [[B, B + sc.batch], [B + sc.batch, T]] as const) {
    const got = await a.pushMany(part(c, from, to));
    for (let i = from; i < to; i++) b.push(barOf(c, i));
    const want = await engine.compute({ indicator: id, candles: part(c, 0, to), grid, outputs, dtype });
    const V = want.variants;
    for (const o of want.outputs) {
      const g = got.values(o), w = want.values(o);
      for (let i = 0; i < to - from; i++) {
        for (let v = 0; v < V; v++) {
          if (!Object.is(g[i * V + v], w[(from + i) * V + v])) expect.fail(`${backend} ${dtype} ${id} ${sc.name}: ${o} ${JSON.stringify(want.variant(v))} at bar ${from + i}: pushMany ${g[i * V + v]}, compute() ${w[(from + i) * V + v]}`);
        }
      }
    }
    want.release();
    got.release();
    expect(sameBytes(a.checkpoint(), b.checkpoint()), `${backend} ${dtype} ${id} ${sc.name}: the state after bar ${to - 1}`).toBe(true);
  }
  a.close();
  b.close();
}

const stepperOf = (s: unknown) => (s as { stepper: Record<string, unknown> | null }).stepper;

describe('ma.wma: pushMany and history through the kernel over a prelude', () => {
  const grid = { source: ['close', 'hlc3'], window: [2, 3, 7, 30, 256] };
  const hasPrelude = (s: unknown) => stepperOf(s)?.prelude !== undefined;
  SCENARIOS.forEach((sc, n) => {
    it(sc.name, async () => {
      for (const [k, backend] of (['native', 'wasm'] as const).entries()) {
        await check('ma.wma', grid, backend, (n + k) % 2 === 0 ? 'float64' : 'float32', sc, hasPrelude);
      }
    });
  });

  it('a grid with a window above 256 keeps stepping, and is exact', async () => {
    await check('ma.wma', { window: [5, 300] }, 'native', 'float64', SCENARIOS[0]!, (s) => stepperOf(s) !== null && !hasPrelude(s));
  });
});

// Every other id with a prelude route, each scenario on a backend and dtype in turn.
const PRELUDE_GRIDS: Record<string, Record<string, unknown>> = {
  'momentum.imi': { window: [2, 3, 14, 40] },
  'momentum.mom': { source: ['close', 'hl2'], window: [1, 2, 9, 40] },
  'momentum.roc': { window: [1, 10, 33] },
  'momentum.rocp': { window: [3, 12] },
  'momentum.rocr': { window: [2, 25], zero_denominator: ['nan', 'talib'] },
  'momentum.rocr100': { window: [7, 14] },
  'momentum.bop': {},
  'structure.candle_stats': {},
  'volatility.tr': {},
  'structure.min': { source: ['close', 'high'], window: [2, 5, 30, 64] },
  'structure.max': { window: [3, 17, 100] },
  'structure.minmax': { window: [4, 9, 40] },
  'structure.midpoint': { source: ['close', 'hl2'], window: [2, 14] },
  'structure.midprice': { window: [3, 21, 65] },
  'trend.donchian': { window: [5, 20, 55] },
  'momentum.williams_r': { window: [3, 14, 50] },
  'structure.percent_rank': { source: ['close', 'hl2'], window: [2, 10, 60] },
  'structure.correl': { source: ['close', 'hl2'], source2: ['volume', 'close'], window: [1, 2, 9, 30, 61] },
  'structure.pivots': { left: [1, 5, 30], right: [1, 4, 20] },
  'trend.aroon': { window: [2, 14, 25, 70] },
  'ma.hma': { source: ['close', 'hl2'], window: [2, 3, 9, 30, 64] },
  'trend.ichimoku': { conversion: [5, 9], base: [26], span_b: [20, 52], displacement: [1, 26] },
};

describe('the other finite-memory ids: pushMany and history through the kernel over a prelude', () => {
  const hasPrelude = (s: unknown) => stepperOf(s)?.prelude !== undefined;
  for (const [id, grid] of Object.entries(PRELUDE_GRIDS)) {
    it(id, async () => {
      for (const [n, sc] of SCENARIOS.entries()) {
        await check(id, grid, n % 2 === 0 ? 'native' : 'wasm', n % 3 === 1 ? 'float64' : 'float32', sc, hasPrelude);
      }
    });
  }
});
