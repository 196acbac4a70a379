// Steppers of two per-bar series summed over every window (windowRatio and
// perVolume in native/volume/common.h: MFI, CMF, VWAP; native/ma/vwma.h):
// per run of variants, the compensated prefix pair of each series as
// prefixSums keeps it, the count of usable bars ending here and a ring of the
// last maxWindow + 1 bars' pairs, shared by every window; a window's sums are
// prefixWindowSum of its end and start pairs, as the kernels take them.
import { paramOf, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum } from './primitives.js';

export interface FlowHooks {
  /** Numbers of a run's own state (at state[at]), which terms() reads and writes. */
  readonly head: number;
  /**
   * Writes the bar's two terms into t[0] and t[1] from its columns (bar[cols[i]]).
   * A NaN t[0] marks a bar no window may hold; a NaN restarts a series' prefix sum.
   */
  terms(bar: Float64Array, cols: readonly number[], state: Float64Array, at: number, t: Float64Array): void;
  /** Variant v's value from its window's sums of both series. */
  value(v: number, a: number, b: number): number;
  /** value() is perVolume(a, b): the loop over the windows computes it itself (no hook call per variant). */
  readonly perVolume?: boolean;
  /** The kernel's state is windowRatio's (native/volume/common.h; ma.vwma's too), continuing both prefixes and the head: pushMany() runs it. */
  readonly windowRatio?: boolean;
}

/** A run of variants over the same columns. */
export interface FlowRun {
  readonly v0: number;
  readonly v1: number;
  readonly cols: readonly number[];
}

/** State per run: [head, A hi, A lo, B hi, B lo, usable bars, ring position, ring of (A hi, A lo, B hi, B lo)]. */
export function windowSums(ctx: StepperContext, runs: readonly FlowRun[], hooks: FlowHooks): Stepper {
  const n = Int32Array.from(paramOf(ctx, 'window'));
  const { head } = hooks;
  let size = 0;
  const laid = runs.map((r) => {
    let longest = 0;
    for (let v = r.v0; v < r.v1; v++) longest = Math.max(longest, n[v]!);
    const run = { ...r, at: size, R: longest + 1 };
    size += head + 6 + 4 * run.R;
    return run;
  });
  const state = new Float64Array(size);
  const t = new Float64Array(2);
  const byVolume = hooks.perVolume === true;
  const stepper: Stepper = {
    state,
    step(bar, rows) {
      const out = rows[0]!;
      for (const r of laid) {
        hooks.terms(bar, r.cols, state, r.at, t);
        const p = r.at + head, a = t[0]!;
        prefixStep(state, p, a);
        prefixStep(state, p + 2, t[1]!);
        const run = a !== a ? 0 : state[p + 4]! + 1;
        let pos = state[p + 5]! + 1;
        if (pos === r.R) pos = 0;
        state[p + 4] = run;
        state[p + 5] = pos;
        const ring = p + 6, slot = ring + 4 * pos;
        state[slot] = state[p]!;
        state[slot + 1] = state[p + 1]!;
        state[slot + 2] = state[p + 2]!;
        state[slot + 3] = state[p + 3]!;
        if (byVolume) {
          perVolumeRow(out, r.v0, r.v1, state, ring, slot, pos, r.R, run, n);
          continue;
        }
        for (let v = r.v0; v < r.v1; v++) {
          const w = n[v]!;
          if (run < w) {
            out[v] = NaN;
            continue;
          }
          const past = ring + 4 * (pos >= w ? pos - w : pos - w + r.R);
          out[v] = hooks.value(v, prefixWindowSum(state[slot]!, state[slot + 1]!, state[past]!, state[past + 1]!),
            prefixWindowSum(state[slot + 2]!, state[slot + 3]!, state[past + 2]!, state[past + 3]!));
        }
      }
    },
  };
  return hooks.windowRatio ? { ...stepper, kernel: windowRatioKernel(state, laid, head) } : stepper;
}

/**
 * windowRatio's kernel state of each run (native/volume/common.h): [run, its
 * R entries (A hi, A lo, B hi, B lo) oldest first, the head]; the stepper's
 * ring unrolled, as ma.sma's (withPrefixKernel in sma.ts).
 */
function windowRatioKernel(state: Float64Array, laid: readonly { at: number; R: number }[], head: number): KernelStateMap {
  let length = 0;
  const parts = laid.map((r) => {
    const part = { at: length, length: 1 + 4 * r.R + head };
    length += part.length;
    return part;
  });
  return {
    perVariant: 0,
    length,
    runs: parts,
    save(into) {
      laid.forEach((r, i) => {
        const at = parts[i]!.at, p = r.at + head, ring = p + 6, R = r.R;
        into[at] = state[p + 4]!;
        // Slot pos + 1 holds the oldest entry, slot pos the newest.
        for (let j = 0, s = (state[p + 5]! + 1) % R; j < R; j++, s = s + 1 === R ? 0 : s + 1) {
          for (let k = 0; k < 4; k++) into[at + 1 + 4 * j + k] = state[ring + 4 * s + k]!;
        }
        for (let k = 0; k < head; k++) into[at + 1 + 4 * R + k] = state[r.at + k]!;
      });
    },
    load(from, bars) {
      laid.forEach((r, i) => {
        const at = parts[i]!.at, p = r.at + head, ring = p + 6, R = r.R;
        const pos = (state[p + 5]! + bars) % R;
        state[p + 4] = from[at]!;
        state[p + 5] = pos;
        for (let j = 0, s = (pos + 1) % R; j < R; j++, s = s + 1 === R ? 0 : s + 1) {
          for (let k = 0; k < 4; k++) state[ring + 4 * s + k] = from[at + 1 + 4 * j + k]!;
        }
        // The running pairs are the newest entry's.
        for (let k = 0; k < 4; k++) state[p + k] = from[at + 1 + 4 * (R - 1) + k]!;
        for (let k = 0; k < head; k++) state[r.at + k] = from[at + 1 + 4 * R + k]!;
      });
    },
  };
}

/**
 * perVolume of every window [v0, v1) of a run at the bar just stepped (its
 * pairs at `slot`, the ring of R slots at `ring`, the bar at pos), NaN while
 * the run is shorter than the window.
 */
function perVolumeRow(out: Float64Array, v0: number, v1: number, state: Float64Array, ring: number, slot: number, pos: number, R: number, run: number, n: Int32Array): void {
  const aHi = state[slot]!, aLo = state[slot + 1]!, bHi = state[slot + 2]!, bLo = state[slot + 3]!;
  for (let v = v0; v < v1; v++) {
    const w = n[v]!;
    if (run < w) {
      out[v] = NaN;
      continue;
    }
    const past = ring + 4 * (pos >= w ? pos - w : pos - w + R);
    // perVolume, its NaN a store of its own: a select of NaN and a value was boxed per variant (chains.ts).
    const sum = prefixWindowSum(aHi, aLo, state[past]!, state[past + 1]!), volume = prefixWindowSum(bHi, bLo, state[past + 2]!, state[past + 3]!);
    if (volume !== 0.0) out[v] = sum / volume;
    else out[v] = NaN;
  }
}

/** perVolume's value: a sum per unit of volume, NaN where the window holds no volume. */
export function perVolume(sum: number, volume: number): number {
  return volume !== 0.0 ? sum / volume : NaN;
}

/** typicalPrice (native/volume/common.h): (H + L + C) / 3 in the hlc3 source's operation order. */
export function typicalPrice(high: number, low: number, close: number): number {
  return (high + low + close) / 3.0;
}

/** The one run of an indicator reading high, low, close and volume (no source axis). */
export function hlcvRun(ctx: StepperContext): FlowRun[] {
  return [{ v0: 0, v1: ctx.grid.variants, cols: (['high', 'low', 'close', 'volume'] as const).map((s) => ctx.sourceIndex(s)) }];
}

/** perVolume over HLCV bars: term(high, low, close, volume) summed over the window / the volume summed over it (CMF, VWAP). */
export function perVolumeOf(ctx: StepperContext, term: (high: number, low: number, close: number, volume: number) => number): Stepper {
  return windowSums(ctx, hlcvRun(ctx), {
    head: 0,
    terms(bar, cols, _state, _at, t) {
      const high = bar[cols[0]!]!, low = bar[cols[1]!]!, close = bar[cols[2]!]!, volume = bar[cols[3]!]!;
      const valid = high === high && low === low && close === close && volume === volume;
      t[0] = valid ? term(high, low, close, volume) : NaN;
      t[1] = valid ? volume : NaN;
    },
    value: (_v, a, b) => perVolume(a, b),
    perVolume: true,
    windowRatio: true,
  });
}
