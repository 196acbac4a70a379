// trend.vortex, stepped: native/trend/vortex.h. Once per bar, the
// movements |high - previous low|, |low - previous high| and the true range
// (none on a run's first bar, which restarts their prefix sums); their
// prefix sums and a ring of the last maxWindow + 1 (PrefixRing), shared by
// every window: a window's VI+ and VI- are its window sums over that of the
// true range, NaN where that is 0. Nothing per variant: history steps the
// shared state alone (resumeBySources); pushMany() runs the kernel from it.
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { blankRows, hlcWindowSums, hlcWindowSumsKernelState } from './wilder.js';
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
    kernel: hlcWindowSumsKernelState(state, longestOf(window) + 1),
  };
}
