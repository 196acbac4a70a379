// ma.hma, stepped for windows up to DENSE_WMA: native/ma/hma.h. Per source,
// the sums of every window up to the longest (WmaDiagonal, as ma.wma's
// stepper keeps them) and the count of valid bars; per variant a ring of
// its last HULL_RING differences 2·WMA(x, n/2) − WMA(x, n), each WMA its sum
// divided by its divider, and the hull WMA over the last m = floor(√n) of
// them summed afresh oldest first (weights 1..m), times 1 / its divider. A
// grid with a longer window (whose kernel lanes keep compensated running
// sums) recomputes. Every value is a fresh sum of the run's last n + m - 1
// bars, so batches take the kernel over a prelude of them (the ring of
// values holds them for tail()).
import { paramOf, ringPrelude, ringStepper, type RingRun, type Stepper, type StepperContext } from './types.js';
import { wmaDivider } from './primitives.js';
import { DENSE_WMA, diagonalFill, diagonalStep } from './wma.js';

/** Differences kept per variant: a power of two above the longest hull span, floor(sqrt(DENSE_WMA)) = 16. */
const HULL_RING = 32;

export default function hma(ctx: StepperContext): Stepper | null {
  const window = paramOf(ctx, 'window');
  if (window.some((w) => w > DENSE_WMA)) return null;
  const n = Int32Array.from(window);
  const half = n.map((w) => Math.floor(w / 2));
  const span = n.map((w) => Math.floor(Math.sqrt(w)));
  const halfDiv = Float64Array.from(half, wmaDivider), fullDiv = window.map(wmaDivider);
  const hullScale = Float64Array.from(span, (m) => 1.0 / wmaDivider(m));
  let depth = 0, bars = 1;
  for (let v = 0; v < n.length; v++) {
    depth = Math.max(depth, n[v]!);
    bars = Math.max(bars, n[v]! + span[v]! - 1);
  }
  const runAt: number[] = [];  // where each variant's source run keeps its sums
  /** Variant v at a valid bar (run bars into its run) of its source's sums at `sums`, its ring at `at`: its value, NaN before the first. */
  const value = (v: number, state: Float64Array, sums: number, run: number, at: number): number => {
    const lag = n[v]!;
    if (run < lag) return NaN;
    const count = run - lag;  // differences before this one in the run
    state[at + (count & (HULL_RING - 1))] = 2.0 * (state[sums + half[v]!]! / halfDiv[v]!) - state[sums + lag]! / fullDiv[v]!;
    const m = span[v]!;
    if (count + 1 < m) return NaN;
    let sum = 0.0;
    for (let k = 1; k <= m; k++) sum = sum + k * state[at + ((count - m + k) & (HULL_RING - 1))]!;
    return sum * hullScale[v]!;
  };
  const stepper = ringStepper(ctx, {
    head: depth + 1,
    width: 1,
    need: n.map(() => 1),  // every valid bar steps the variant's ring
    back: n.map(() => bars - 1),  // value() reads no past slot: the ring keeps a prelude's bars
    own: HULL_RING,
    fill: diagonalFill(depth),
    value: (v, _x, state, _slot, _past, run, at) => value(v, state, runAt[v]!, run, at),
  });
  for (const r of stepper.runs) for (let v = r.v0; v < r.v1; v++) runAt[v] = (r as RingRun).at;
  // The variants in one loop calling value() directly (no hook call per variant).
  const { state, ownAt } = stepper;
  const step = diagonalStep(stepper, depth, (out, r, run) => {
      if (run === 0) {
        out?.fill(NaN, r.v0, r.v1);
        return;
      }
      for (let v = r.v0; v < r.v1; v++) {
        const y = value(v, state, r.at, run, ownAt + HULL_RING * v);
        if (out) out[v] = y;
      }
  });
  const head = depth + 1, none = [null];
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
