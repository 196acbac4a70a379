// ma.hma, stepped: native/ma/hma.h. A window up to DENSE_WMA reads its two
// WMAs of x from the sums of every window up to the longest dense one, per
// source (WmaDiagonal, as ma.wma's stepper keeps them), each its sum divided
// by its divider; its ring of its last m = floor(√n) differences 2·WMA(x, n/2) −
// WMA(x, n) (the run's k-th in slots k mod m and k mod m + m, so the window
// is one run of slots) gives the hull WMA over them, summed afresh oldest
// first (weights 1..m), times 1 / its divider. A longer window
// keeps three compensated running WMAs (WmaLanes: half, full and hull;
// wmaPrime while a window fills, then wmaNext), the values leaving its two
// WMAs read from the source's ring and those leaving its hull from its own
// ring of m + 1 differences. Which one a variant takes depends on its window
// alone, as in the kernel. A source's dense WMAs are divided once per bar for
// its variants (each window's sum by its divider, as the kernel's block does). With every window up to DENSE_WMA, every value is
// a fresh sum of the run's last n + m - 1 bars, so batches take the kernel
// over a prelude of them (the ring of values holds them for tail()).
import { lastNaN, paramOf, ringPrelude, ringStepper, type RingRun, type Stepper, type StepperContext } from './types.js';
import { wmaDivider, wmaNext, wmaPrime } from './primitives.js';
import { DENSE_WMA, diagonalFill, diagonalStep } from './wma.js';

/** A long window's own numbers: its half, full and hull WMAs' (sum, sumErr, sub, subErr), then its ring of differences. */
const LONG_RING_AT = 12;

export default function hma(ctx: StepperContext): Stepper | null {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const half = n.map((w) => Math.floor(w / 2));
  const span = n.map((w) => Math.floor(Math.sqrt(w)));
  const halfDiv = Float64Array.from(half, wmaDivider), fullDiv = window.map(wmaDivider);  // a long window's
  const hullDiv = Float64Array.from(span, wmaDivider), hullScale = hullDiv.map((d) => 1.0 / d);
  // own: a dense window's ring of m differences, a long one's running sums and ring of m + 1.
  let depth = 0, own = 1, bars = 1, longestSpan = 1;
  for (let v = 0; v < n.length; v++) {
    if (n[v]! <= DENSE_WMA) {
      depth = Math.max(depth, n[v]!);
      bars = Math.max(bars, n[v]! + span[v]! - 1);
      longestSpan = Math.max(longestSpan, span[v]!);
      own = Math.max(own, 1 + 2 * span[v]!);
    } else own = Math.max(own, LONG_RING_AT + span[v]! + 1);
  }
  const dense = n.every((w) => w <= DENSE_WMA);
  const lanes: HullLanes = { n, half, span, hullScale, ownAt: 0, own, wma: new Float64Array(depth + 1), one: new Float64Array(1) };
  const runAt: number[] = [];  // where each variant's source run keeps its sums
  const ringAt: number[] = [], ringLength: number[] = [];  // each variant's source ring (of values) and its length
  /** Variant v at a valid bar (run bars into its run) of its source's sums at `sums`, its ring at `at`: its value, NaN before the first. */
  const value = (v: number, state: Float64Array, run: number, at: number): number =>
    n[v]! > DENSE_WMA ? longValue(v, state, run, at) : hullValue(v, state, run, at, lanes);
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
    value: (v, _x, state, _slot, _past, run, at) => {
      if (n[v]! <= DENSE_WMA) dividedSums(lanes.wma, state, runAt[v]!, Int32Array.of(half[v]!, n[v]!));
      return value(v, state, run, at);
    },
  });
  // Per source run: the dense windows its variants read (their halves and full lengths), once each.
  const reads = new Map<RingRun, Int32Array>();
  for (const r of stepper.runs) {
    const ks = new Set<number>();
    for (let v = r.v0; v < r.v1; v++) {
      runAt[v] = r.at;
      ringAt[v] = r.at + depth + 3;  // after the sums 0..depth, the run's count and the ring's position
      ringLength[v] = r.ring;
      if (n[v]! <= DENSE_WMA) ks.add(half[v]!).add(n[v]!);
    }
    reads.set(r, Int32Array.from(ks));
  }
  // The variants in one loop (no hook call per variant); the dense windows in hullRow().
  const { state, ownAt } = stepper;
  lanes.ownAt = ownAt;
  const step = diagonalStep(stepper, depth, (out, r, run) => {
      if (run === 0) {
        out?.fill(NaN, r.v0, r.v1);
        return;
      }
      dividedSums(lanes.wma, state, r.at, reads.get(r)!);
      if (dense) {
        hullRow(out, r.v0, r.v1, state, run, lanes);
        return;
      }
      for (let v = r.v0; v < r.v1; v++) {
        const y = value(v, state, run, ownAt + own * v);
        if (out) out[v] = y;
      }
  });
  const head = depth + 1, none = [null];
  if (!dense) return { ...stepper, step };
  // The sums, counts and rings of values alone (a variant's differences are not made).
  const sourcesStep = diagonalStep(stepper, depth, () => {});
  return {
    ...stepper,
    step,
    prelude: {
      bars,
      tail: ringPrelude(stepper, { head, width: 1, fill: diagonalFill(depth) }, depth, bars).tail,
      // The state holds the last `depth` valid bars (the sums) and `longestSpan` differences: when
      // every source's run covers them, the bars before are counted, not stepped, the sums are
      // stepped alone up to the last longestSpan bars, which rewrite every variant's ring; else every bar steps.
      skip(columns, from, to) {
        const memory = depth + longestSpan;
        const runs = stepper.runs.map((r) => {
          const g = lastNaN(columns[r.src]!, from, to);
          return g >= from ? to - 1 - g : state[r.at + head]! + (to - from);
        });
        let start = from, sumsUpTo = from;
        if (to - from > memory && runs.every((run) => run >= memory)) {
          sumsUpTo = to - longestSpan;
          start = to - memory;
          stepper.runs.forEach((r, i) => {
            state[r.at + head] = runs[i]! - memory;
            state[r.at + head + 1] = (state[r.at + head + 1]! + (start - from)) % r.ring;
          });
        }
        const bar = new Float64Array(columns.length);
        const stepTo = (until: number, advance: Stepper['step']) => {
          for (; start < until; start++) {
            for (let k = 0; k < columns.length; k++) bar[k] = columns[k]![start]!;
            advance(bar, none);
          }
        };
        stepTo(sumsUpTo, sourcesStep);
        // Each ring's newest slot as the skipped differences would have left it (run - lag - 1 before the next).
        if (sumsUpTo > from) {
          for (const r of stepper.runs) {
            const run = state[r.at + head]!;
            for (let v = r.v0; v < r.v1; v++) state[ownAt + own * v] = (run - n[v]!) % span[v]!;
          }
        }
        stepTo(to, step);
      },
    },
  };
}

/** What hullValue() reads of each variant: its windows, dividers and where its own numbers are, and the WMAs of its source at this bar. */
interface HullLanes {
  readonly n: Int32Array;
  readonly half: Int32Array;
  readonly span: Int32Array;
  readonly hullScale: Float64Array;
  ownAt: number;
  readonly own: number;
  /** wma[k]: window k's sum of the source at this bar over its divider, for the windows dividedSums() was given. */
  readonly wma: Float64Array;
  /** hullValue()'s value from hullAt(). */
  readonly one: Float64Array;
}

/** wma[k] = sums[k] / wmaDivider(k) for each window k of `reads`: the divisions of hullAt's difference, once per window and bar. */
function dividedSums(wma: Float64Array, state: Float64Array, sums: number, reads: Int32Array): void {
  for (let i = 0; i < reads.length; i++) {
    const k = reads[i]!;
    wma[k] = state[sums + k]! / wmaDivider(k);
  }
}

/**
 * A dense window v at a valid bar (run bars into its run), its ring of m
 * differences at `at`, the WMAs of its source at this bar in lanes.wma: its
 * value, NaN before the first. Top-level functions, so V8 compiles one loop
 * whatever the number of streams (a closure per stepper loses the constants
 * of its context).
 */
function hullValue(v: number, state: Float64Array, run: number, at: number, lanes: HullLanes): number {
  hullAt(lanes.one, 0, v, state, run, at, lanes.n, lanes.half, lanes.span, lanes.hullScale, lanes.wma);
  return lanes.one[0]!;
}

/** The value of hullValue() into out[o]: written, not returned, as V8 boxes a number a call it did not inline returns. */
function hullAt(out: Float64Array, o: number, v: number, state: Float64Array, run: number, at: number, n: Int32Array, half: Int32Array, span: Int32Array, hullScale: Float64Array, wma: Float64Array): void {
  const lag = n[v]!;
  if (run < lag) {
    out[o] = NaN;
    return;
  }
  const count = run - lag, m = span[v]!;  // differences before this one in the run
  // [slot of the newest difference, ring of m written twice]: the run's k-th difference in slots k mod m and k mod m + m.
  let slot = count === 0 ? 0 : (state[at]! | 0) + 1;
  if (slot === m) slot = 0;
  state[at] = slot;
  const ring = at + 1;
  state[ring + slot] = state[ring + slot + m] = 2.0 * wma[half[v]!]! - wma[lag]!;
  if (count + 1 < m) {
    out[o] = NaN;
    return;
  }
  // Oldest first: slots slot + 1 .. slot + m.
  let sum = 0.0;
  for (let k = 1, j = ring + slot + 1; k <= m; k++, j++) sum = sum + k * state[j]!;
  out[o] = sum * hullScale[v]!;
}

/**
 * The newest difference 2·wma[h] − wma[n] (its windows' WMAs at this bar)
 * into a dense window's ring of m at `at` (past its first value): the next
 * slot, the difference at it and m slots on. Returns the slot.
 */
function putDifference(state: Float64Array, at: number, m: number, wma: Float64Array, h: number, n: number): number {
  let slot = (state[at]! | 0) + 1;
  if (slot === m) slot = 0;
  state[at] = slot;
  state[at + 1 + slot] = state[at + 1 + slot + m] = 2.0 * wma[h]! - wma[n]!;
  return slot;
}

/** Whether variant v (a dense window) is past its first value at a bar `run` bars into its run, with a span of m. */
function full(n: Int32Array, span: Int32Array, v: number, m: number, run: number): boolean {
  return span[v] === m && run >= n[v]! + m;
}

/**
 * hullValue() of the variants [v0, v1) of a source run (every window dense,
 * run > 0, lanes.wma made) into out (null: state only). Four (or two)
 * windows of one span past their first value are summed side by side: each
 * sum in hullAt's order, four independent chains instead of one (3 to 4%
 * faster pushes than one at a time). A block of two runs the same four
 * chains, its third and fourth over its first two windows' slots again,
 * those sums dropped.
 */
function hullRow(out: Float64Array | null, v0: number, v1: number, state: Float64Array, run: number, lanes: HullLanes): void {
  const { ownAt, own, n, half, span, hullScale, wma, one } = lanes;
  let v = v0;
  while (v < v1) {
    const m = span[v]!, a = ownAt + own * v;
    const width = v + 3 < v1 && full(n, span, v, m, run) && full(n, span, v + 1, m, run) && full(n, span, v + 2, m, run) && full(n, span, v + 3, m, run) ? 4
      : v + 1 < v1 && full(n, span, v, m, run) && full(n, span, v + 1, m, run) ? 2 : 1;
    if (width === 1) {
      hullAt(out ?? one, out ? v : 0, v, state, run, a, n, half, span, hullScale, wma);
      v++;
      continue;
    }
    const b = a + own;
    let i = a + 2 + putDifference(state, a, m, wma, half[v]!, n[v]!);
    let j = b + 2 + putDifference(state, b, m, wma, half[v + 1]!, n[v + 1]!);
    let k = i, l = j;
    if (width === 4) {
      const c = b + own, e = c + own;
      k = c + 2 + putDifference(state, c, m, wma, half[v + 2]!, n[v + 2]!);
      l = e + 2 + putDifference(state, e, m, wma, half[v + 3]!, n[v + 3]!);
    }
    let w = 0.0, x = 0.0, y = 0.0, z = 0.0;
    for (let q = 1; q <= m; q++, i++, j++, k++, l++) {
      w = w + q * state[i]!;
      x = x + q * state[j]!;
      y = y + q * state[k]!;
      z = z + q * state[l]!;
    }
    if (out) {
      out[v] = w * hullScale[v]!;
      out[v + 1] = x * hullScale[v + 1]!;
      if (width === 4) {
        out[v + 2] = y * hullScale[v + 2]!;
        out[v + 3] = z * hullScale[v + 3]!;
      }
    }
    v += width;
  }
}
