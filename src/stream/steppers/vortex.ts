// trend.vortex, stepped: native/trend/vortex.h. Once per bar, the
// movements |high - previous low|, |low - previous high| and the true range
// (none on a run's first bar, which restarts their prefix sums); their
// prefix sums and a ring of the last maxWindow + 1 (PrefixRing), shared by
// every window: a window's VI+ and VI- are its window sums over that of the
// true range, NaN where that is 0. Nothing per variant: history steps the
// shared state alone (resumeBySources); pushMany() runs the kernel from it.
import { longestOf, paramOf, resumeBySources, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { BarRun, blankRows, hlcWindowSums } from './wilder.js';
import { trueRange } from './primitives.js';

export default function vortex(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const V = ctx.grid.variants;
  const { state, run, sums } = hlcWindowSums(ctx, window);
  const moves = new Float64Array(3);  // +VM, -VM, TR of the bar
  return {
    state,
    step(bar, rows) {
      const age = run.advance(bar);
      if (age <= 0) {
        sums.push(null);
        blankRows(rows);
        return;
      }
      const high = run.now[0]!, low = run.now[1]!;
      moves[0] = Math.abs(high - run.prev[1]!);
      moves[1] = Math.abs(low - run.prev[0]!);
      moves[2] = trueRange(high, low, run.prev[2]!);
      sums.push(moves);
      const [plus, minus] = rows;
      if (!plus && !minus) return;  // resume(): the shared state only
      for (let v = 0; v < V; v++) {
        const w = window[v]!;
        if (age < w) {
          if (plus) plus[v] = NaN;
          if (minus) minus[v] = NaN;
          continue;
        }
        const range = sums.windowSum(2, w);
        if (plus) plus[v] = range === 0.0 ? NaN : sums.windowSum(0, w) / range;
        if (minus) minus[v] = range === 0.0 ? NaN : sums.windowSum(1, w) / range;
      }
    },
    // All of the state is shared by the windows: history steps it alone, without a row.
    resume: resumeBySources,
    kernel: vortexKernelState(state, longestOf(window) + 1),
  };
}

/**
 * The kernel's state (native/trend/vortex.h, per call): the run's age and
 * last high, low and close (the BarRun), then the R pairs of the three
 * prefixes after each of the last R bars, oldest first (the PrefixRing
 * unrolled from the slot after its position; load() rolls them back in at
 * the position `bars` bars on).
 */
function vortexKernelState(state: Float64Array, R: number): KernelStateMap {
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
