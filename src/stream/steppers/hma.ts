// ma.hma, stepped: native/ma/hma.h. A window up to DENSE_WMA reads its two
// WMAs of x from the sums of every window up to the longest dense one, per
// source (WmaDiagonal, as ma.wma's stepper keeps them), each its sum divided
// by its divider; its ring of its last HULL_RING differences 2·WMA(x, n/2) −
// WMA(x, n) gives the hull WMA over the last m = floor(√n) of them, summed
// afresh oldest first (weights 1..m), times 1 / its divider. A longer window
// keeps three compensated running WMAs (WmaLanes: half, full and hull;
// wmaPrime while a window fills, then wmaNext), the values leaving its two
// WMAs read from the source's ring and those leaving its hull from its own
// ring of m + 1 differences. Which one a variant takes depends on its window
// alone, as in the kernel. With every window up to DENSE_WMA, every value is
// a fresh sum of the run's last n + m - 1 bars, so batches take the kernel
// over a prelude of them (the ring of values holds them for tail()).
import { paramOf, ringPrelude, ringStepper, type RingRun, type Stepper, type StepperContext } from './types.js';
import { wmaDivider, wmaNext, wmaPrime } from './primitives.js';
import { DENSE_WMA, diagonalFill, diagonalStep } from './wma.js';

/** Differences kept per variant: a power of two above the longest hull span, floor(sqrt(DENSE_WMA)) = 16. */
const HULL_RING = 32;

/** A long window's own numbers: its half, full and hull WMAs' (sum, sumErr, sub, subErr), then its ring of differences. */
const LONG_RING_AT = 12;

export default function hma(ctx: StepperContext): Stepper | null {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const half = n.map((w) => Math.floor(w / 2));
  const span = n.map((w) => Math.floor(Math.sqrt(w)));
  const halfDiv = Float64Array.from(half, wmaDivider), fullDiv = window.map(wmaDivider);
  const hullDiv = Float64Array.from(span, wmaDivider), hullScale = hullDiv.map((d) => 1.0 / d);
  let depth = 0, own = HULL_RING, bars = 1;
  for (let v = 0; v < n.length; v++) {
    if (n[v]! <= DENSE_WMA) {
      depth = Math.max(depth, n[v]!);
      bars = Math.max(bars, n[v]! + span[v]! - 1);
    } else own = Math.max(own, LONG_RING_AT + span[v]! + 1);
  }
  const dense = n.every((w) => w <= DENSE_WMA);
  const runAt: number[] = [];  // where each variant's source run keeps its sums
  const ringAt: number[] = [], ringLength: number[] = [];  // each variant's source ring (of values) and its length
  /** Variant v at a valid bar (run bars into its run) of its source's sums at `sums`, its ring at `at`: its value, NaN before the first. */
  const value = (v: number, state: Float64Array, sums: number, run: number, at: number): number => {
    const lag = n[v]!;
    if (lag > DENSE_WMA) return longValue(v, state, run, at);
    if (run < lag) return NaN;
    const count = run - lag;  // differences before this one in the run
    state[at + (count & (HULL_RING - 1))] = 2.0 * (state[sums + half[v]!]! / halfDiv[v]!) - state[sums + lag]! / fullDiv[v]!;
    const m = span[v]!;
    if (count + 1 < m) return NaN;
    let sum = 0.0;
    for (let k = 1; k <= m; k++) sum = sum + k * state[at + ((count - m + k) & (HULL_RING - 1))]!;
    return sum * hullScale[v]!;
  };
  /** A window above DENSE_WMA at a valid bar (run bars into its run), its own numbers at `at`: hma.h's long lanes, feed() while they fill, then next(). */
  const longValue = (v: number, state: Float64Array, run: number, at: number): number => {
    const age = run - 1, lag = n[v]!, h = half[v]!, m = span[v]!;
    if (age === 0) state.fill(0.0, at, at + LONG_RING_AT);
    // The source's value k bars back (k <= lag < its ring's length).
    const ring = ringAt[v]!, R = ringLength[v]!, pos = state[ring - 1]!;
    const x = state[ring + pos]!;
    const back = (k: number) => state[ring + (pos >= k ? pos - k : pos - k + R)]!;
    let halfWma = NaN;
    if (age + 1 < h) wmaPrime(state, at, x, age + 1);
    else halfWma = wmaNext(state, at, x, age >= h ? back(h) : 0.0, h, halfDiv[v]!);
    if (age + 1 < lag) {
      wmaPrime(state, at + 4, x, age + 1);
      return NaN;
    }
    const full = wmaNext(state, at + 4, x, age >= lag ? back(lag) : 0.0, lag, fullDiv[v]!);
    // k: differences before this one in the run, in a ring of m + 1 (the one m back is read before this one is written).
    const k = age + 1 - lag, diffs = at + LONG_RING_AT, L = m + 1;
    const d = 2.0 * halfWma - full, leaving = state[diffs + ((k - Math.min(k, m)) % L)]!;
    state[diffs + (k % L)] = d;
    if (k + 1 < m) {
      wmaPrime(state, at + 8, d, k + 1);
      return NaN;
    }
    return wmaNext(state, at + 8, d, k >= m ? leaving : 0.0, m, hullDiv[v]!);
  };
  const stepper = ringStepper(ctx, {
    head: depth + 1,
    width: 1,
    need: n.map(() => 1),  // every valid bar steps the variant's ring
    // A long window reads the value `lag` (and lag / 2) bars back from the source's ring; a grid of
    // dense windows alone keeps a prelude's bars there (value() reads no past slot).
    back: n.map((w) => (w > DENSE_WMA ? w : dense ? bars - 1 : 1)),
    own,
    fill: diagonalFill(depth),
    value: (v, _x, state, _slot, _past, run, at) => value(v, state, runAt[v]!, run, at),
  });
  for (const r of stepper.runs) {
    for (let v = r.v0; v < r.v1; v++) {
      runAt[v] = r.at;
      ringAt[v] = r.at + depth + 3;  // after the sums 0..depth, the run's count and the ring's position
      ringLength[v] = r.ring;
    }
  }
  // The variants in one loop calling value() directly (no hook call per variant).
  const { state, ownAt } = stepper;
  const step = diagonalStep(stepper, depth, (out, r, run) => {
      if (run === 0) {
        out?.fill(NaN, r.v0, r.v1);
        return;
      }
      for (let v = r.v0; v < r.v1; v++) {
        const y = value(v, state, r.at, run, ownAt + own * v);
        if (out) out[v] = y;
      }
  });
  const head = depth + 1, none = [null];
  if (!dense) return { ...stepper, step };
  return {
    ...stepper,
    step,
    prelude: {
      bars,
      tail: ringPrelude(stepper, { head, width: 1, fill: diagonalFill(depth) }, depth, bars).tail,
      // The state holds the last `depth` valid bars (the sums) and HULL_RING differences: when
      // every source's run covers them, the bars before are counted, not stepped; else every bar steps.
      skip(columns, from, to) {
        const memory = depth + HULL_RING;
        const runs = stepper.runs.map((r) => {
          const col = columns[r.src]!;
          let g = to - 1;
          while (g >= from && col[g] === col[g]) g--;
          return g >= from ? to - 1 - g : state[r.at + head]! + (to - from);
        });
        let start = from;
        if (to - from > memory && runs.every((run) => run >= memory)) {
          start = to - memory;
          stepper.runs.forEach((r, i) => {
            state[r.at + head] = runs[i]! - memory;
            state[r.at + head + 1] = (state[r.at + head + 1]! + (start - from)) % r.ring;
          });
        }
        const bar = new Float64Array(columns.length);
        for (let i = start; i < to; i++) {
          for (let k = 0; k < columns.length; k++) bar[k] = columns[k]![i]!;
          step(bar, none);
        }
      },
    },
  };
}
