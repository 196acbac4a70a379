// What the trend / Wilder family steppers share (native/trend/common.h):
// the run of valid bars of an indicator's inputs with the previous bar's
// values, the one-bar directional moves and true range read from it, and
// TA-Lib's ATR advanced bar by bar, and window sums of series made per bar.
import { longestOf, ownThenSharedKernelState, type KernelStateMap, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum, trueRange, wilderStep } from './primitives.js';

/** Index in step()'s bar of each named input. */
export function inputIndices(ctx: StepperContext, names: readonly string[]): Int32Array {
  return Int32Array.from(names, (s) => ctx.sourceIndex(s as never));
}

/**
 * The run of bars whose inputs are all numbers (forEachSegment's segment),
 * kept in RUN_SIZE numbers at `at`: [age, then the last bar's inputs]. `age`
 * is the bar's index in its run, -1 for a bar with a NaN input. The previous
 * bar's inputs (valid when age > 0) are in prev() until the next advance.
 */
export class BarRun {
  /** The current bar's inputs. */
  readonly now: Float64Array;
  /** The previous bar's inputs (valid while age > 0). */
  readonly prev: Float64Array;

  constructor(private readonly state: Float64Array, private readonly at: number, private readonly inputs: Int32Array) {
    this.now = new Float64Array(inputs.length);
    this.prev = new Float64Array(inputs.length);
    state[at] = -1;
  }

  /** Numbers of state a run of k inputs takes. */
  static size(k: number): number {
    return 1 + k;
  }

  /** Reads a bar; returns its age in the run (-1: a NaN input, the run ends). */
  advance(bar: Float64Array): number {
    const { state, at, inputs, now, prev } = this;
    let valid = true;
    for (let k = 0; k < inputs.length; k++) {
      const x = bar[inputs[k]!]!;
      if (x !== x) valid = false;
      now[k] = x;
      prev[k] = state[at + 1 + k]!;
      state[at + 1 + k] = x;
    }
    const age = valid ? state[at]! + 1 : -1;
    state[at] = age;
    return age;
  }

  /** advance(), and at a bar with a NaN input (-1) NaN in every selected output's row. */
  advanceOrBlank(bar: Float64Array, rows: readonly (Float64Array | null)[]): number {
    const age = this.advance(bar);
    if (age < 0) blankRows(rows);
    return age;
  }
}

/** The run of a stepper's high, low and close at `at` of its state. */
export function hlcRun(ctx: StepperContext, state: Float64Array, at: number): BarRun {
  return new BarRun(state, at, inputIndices(ctx, ['high', 'low', 'close']));
}

/** A stepper's state of `own` numbers followed by the run of its high, low and close. */
export function ownThenHlcRun(ctx: StepperContext, own: number): { state: Float64Array; run: BarRun } {
  const state = new Float64Array(own + BarRun.size(3));
  return { state, run: hlcRun(ctx, state, own) };
}

/**
 * The state of a stepper of window sums over three series made from each
 * bar's high, low and close: the run of those inputs, then a PrefixRing of
 * the three series long enough for the longest window.
 */
export function hlcWindowSums(ctx: StepperContext, window: Float64Array): { state: Float64Array; run: BarRun; sums: PrefixRing } {
  const longest = longestOf(window);
  const ringAt = BarRun.size(3);
  const state = new Float64Array(ringAt + PrefixRing.size(3, longest + 1));
  return { state, run: hlcRun(ctx, state, 0), sums: new PrefixRing(state, ringAt, 3, longest + 1) };
}

/**
 * The kernel state of an hlcWindowSums stepper (CarriedPrefixes in
 * native/primitives.h: trend.vortex, volatility.accbands; per call): the
 * run's age and last high, low and close (the BarRun), then the R pairs of
 * the three prefixes after each of the last R bars, oldest first (the
 * PrefixRing unrolled from the slot after its position; load() rolls them
 * back in at the position `bars` bars on).
 */
export function hlcWindowSumsKernelState(state: Float64Array, R: number): KernelStateMap {
  const head = BarRun.size(3), pos = head, running = pos + 1, slots = running + 6, L = head + 6 * R;
  return {
    perVariant: 0,
    length: L,
    runs: [{ at: 0, length: L }],
    save(into) {
      into.set(state.subarray(0, head));
      const p = state[pos]!;
      for (let i = 0; i < R; i++) {
        const slot = slots + 6 * ((p + 1 + i) % R);
        into.set(state.subarray(slot, slot + 6), head + 6 * i);
      }
    },
    load(from, bars) {
      state.set(from.subarray(0, head));
      const p = (state[pos]! + bars) % R;
      state[pos] = p;
      for (let i = 0; i < R; i++) state.set(from.subarray(head + 6 * i, head + 6 * i + 6), slots + 6 * ((p + 1 + i) % R));
      state.set(from.subarray(head + 6 * (R - 1), head + 6 * R), running);
    },
  };
}

/**
 * The KernelStateMap of a stepper whose state is ownThenHlcRun's with `own`
 * = per * variants: the kernel keeps, per variant, its `per` numbers, then
 * the run's age and last high, low and close (the same in every variant).
 */
export function ownThenHlcKernelState(state: Float64Array, variants: number, per: number): KernelStateMap {
  return ownThenSharedKernelState(state, variants, per, BarRun.size(3));
}

/**
 * The KernelStateMap of a stepper whose state is `per` numbers per variant,
 * then one BarRun of k inputs per source run (at runs[i].at): the kernel
 * keeps, per variant, its `per` numbers, then its run's age and last bar
 * (carriedRun in native/structure/common.h).
 */
export function ownThenBarRunKernelState(state: Float64Array, per: number, k: number, runs: readonly { v0: number; v1: number; at: number }[]): KernelStateMap {
  const shared = BarRun.size(k), S = per + shared, V = runs.reduce((n, r) => Math.max(n, r.v1), 0);
  return {
    perVariant: S,
    length: S * V,
    save(into) {
      for (const r of runs) {
        for (let v = r.v0; v < r.v1; v++) {
          into.set(state.subarray(per * v, per * v + per), S * v);
          into.set(state.subarray(r.at, r.at + shared), S * v + per);
        }
      }
    },
    load(from) {
      for (const r of runs) {
        for (let v = r.v0; v < r.v1; v++) state.set(from.subarray(S * v, S * v + per), per * v);
        state.set(from.subarray(S * r.v0 + per, S * r.v0 + S), r.at);
      }
    },
  };
}

/** Writes NaN into every selected output's row. */
export function blankRows(rows: readonly (Float64Array | null)[]): void {
  for (const o of rows) o?.fill(NaN);
}

/** Writes NaN for variant v into every selected output's row. */
export function blankVariant(rows: readonly (Float64Array | null)[], v: number): void {
  for (const o of rows) if (o) o[v] = NaN;
}

/** The one-bar +DM (directionalMoves in native/trend/common.h): the rise of the high when it beats the fall of the low. */
export function plusMove(high: number, low: number, prevHigh: number, prevLow: number): number {
  const up = high - prevHigh, down = prevLow - low;
  return up > 0.0 && up > down ? up : 0.0;
}

/** The one-bar -DM: the fall of the low when it beats the rise of the high. */
export function minusMove(high: number, low: number, prevHigh: number, prevLow: number): number {
  const up = high - prevHigh, down = prevLow - low;
  return down > 0.0 && down > up ? down : 0.0;
}

/** wilderSumStep: Wilder's running sum S - S/n + x, as TA-Lib smooths DM and TR. */
export function wilderSumStep(prev: number, x: number, n: number): number {
  return prev - prev / n + x;
}

/** The true range of a bar of age `age` in its run (0 on its first bar, which has none). */
export function runTrueRange(age: number, high: number, low: number, prevClose: number): number {
  return age > 0 ? trueRange(high, low, prevClose) : 0.0;
}

/**
 * TA-Lib's ATR at s[at] for the bar of age `age` (atrAdvance in
 * native/trend/common.h, averageTrueRange in native/volatility/common.h):
 * the true ranges of ages 1 .. n summed in order and divided by n at age n,
 * then Wilder's step; with seed 'first', the first bar's high - low, then
 * Wilder's step. Returns whether the ATR is defined at this bar.
 */
export function atrStep(s: Float64Array, at: number, age: number, tr: number, firstRange: number, n: number, seedFirst: boolean): boolean {
  if (seedFirst) {
    s[at] = age === 0 ? firstRange : wilderStep(s[at]!, tr, n);
    return true;
  }
  if (age === 0) {
    s[at] = 0.0;
    return false;
  }
  if (age <= n) {
    s[at] = s[at]! + tr;
    if (age < n) return false;
    s[at] = s[at]! / n;
    return true;
  }
  s[at] = wilderStep(s[at]!, tr, n);
  return true;
}

/**
 * Compensated prefix sums of k series (prefixSums in native/primitives.h,
 * reset to 0 by a NaN) and a ring of their last `ring` values, so that a
 * window of up to ring - 1 bars is one prefixWindowSum. Kept in
 * PrefixRing.size(k, ring) numbers at `at`: [position, k running pairs,
 * ring of k pairs per bar].
 */
export class PrefixRing {
  private readonly slots: number;

  constructor(private readonly state: Float64Array, private readonly at: number, private readonly k: number, private readonly ring: number) {
    this.slots = at + 1 + 2 * k;
  }

  static size(k: number, ring: number): number {
    return 1 + 2 * k + 2 * k * ring;
  }

  /** Appends a bar: its k values (x[0 .. k)), or a gap (null). */
  push(x: Float64Array | null): void {
    const { state, at, k } = this;
    let pos = state[at]! + 1;
    if (pos === this.ring) pos = 0;
    state[at] = pos;
    const slot = this.slots + 2 * k * pos;
    for (let j = 0; j < k; j++) {
      prefixStep(state, at + 1 + 2 * j, x ? x[j]! : NaN);
      state[slot + 2 * j] = state[at + 1 + 2 * j]!;
      state[slot + 2 * j + 1] = state[at + 2 + 2 * j]!;
    }
  }

  /**
   * The sums of every series over the last w bars (w < ring; prefixWindowSum)
   * into into[0 .. k): written, not returned, as a number returned by a call
   * V8 did not inline is boxed (ACCBANDS: 0.7 KB a push).
   */
  windowSums(w: number, into: Float64Array): void {
    const { state, at, k, ring } = this;
    const pos = state[at]!;
    const slot = this.slots + 2 * k * pos;
    const past = this.slots + 2 * k * (pos >= w ? pos - w : pos - w + ring);
    for (let j = 0; j < k; j++) into[j] = prefixWindowSum(state[slot + 2 * j]!, state[slot + 2 * j + 1]!, state[past + 2 * j]!, state[past + 2 * j + 1]!);
  }
}
