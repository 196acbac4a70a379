// trend.vortex, stepped: native/trend/vortex.h. Once per bar, the
// movements |high - previous low|, |low - previous high| and the true range
// (none on a run's first bar, which restarts their prefix sums); their
// prefix sums and a ring of the last maxWindow + 1 (PrefixRing), shared by
// every window: a window's VI+ and VI- are its window sums over that of the
// true range, NaN where that is 0. Nothing per variant: history steps the
// shared state alone (resumeBySources); pushMany() runs the kernel from it.
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { BarRun, blankRows, hlcWindowSums, hlcWindowSumsKernelState } from './wilder.js';
import { prefixWindowSum, trueRange } from './primitives.js';

export default function vortex(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const { state, run, sums } = hlcWindowSums(ctx, window);
  const moves = new Float64Array(3);  // +VM, -VM, TR of the bar
  const R = longestOf(window) + 1;
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
      vortexRows(state, R, window, age, plus ?? null, minus ?? null);
    },
    // All of the state is shared by the windows: history steps it alone, without a row.
    resume: resumeBySources,
    kernel: hlcWindowSumsKernelState(state, R),
  };
}

// Where the PrefixRing of hlcWindowSums keeps its position and its ring of
// (+VM, -VM, TR) prefix pairs per bar (after the BarRun and the running pairs).
const POS = BarRun.size(3), SLOTS = POS + 7;

/**
 * Every window's VI+ and VI- at a bar of the run's `age` (PrefixRing.windowSum
 * for the three series, the ring's position read once): the window sums of
 * +VM and -VM over that of the true range, NaN where that is 0.
 */
function vortexRows(s: Float64Array, R: number, window: Float64Array, age: number, plus: Float64Array | null, minus: Float64Array | null): void {
  const pos = s[POS]! | 0, now = SLOTS + 6 * pos;  // int32 indexes
  const plusNow0 = s[now]!, plusNow1 = s[now + 1]!, minusNow0 = s[now + 2]!, minusNow1 = s[now + 3]!, rangeNow0 = s[now + 4]!, rangeNow1 = s[now + 5]!;
  for (let v = 0; v < window.length; v++) {
    const w = window[v]!;
    if (age < w) {
      if (plus) plus[v] = NaN;
      if (minus) minus[v] = NaN;
      continue;
    }
    const past = (SLOTS + 6 * (pos >= w ? pos - w : pos - w + R)) | 0;
    const range = prefixWindowSum(rangeNow0, rangeNow1, s[past + 4]!, s[past + 5]!);
    // A row's NaN as a store of its own: a select of NaN and a value was boxed per variant (chains.ts).
    if (range === 0.0) {
      if (plus) plus[v] = NaN;
      if (minus) minus[v] = NaN;
      continue;
    }
    if (plus) plus[v] = prefixWindowSum(plusNow0, plusNow1, s[past]!, s[past + 1]!) / range;
    if (minus) minus[v] = prefixWindowSum(minusNow0, minusNow1, s[past + 2]!, s[past + 3]!) / range;
  }
}
