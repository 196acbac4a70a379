// momentum.plus_dm, stepped: directionalMovement<true> in
// native/momentum/common.h. Once per bar, the one-bar +DM from the previous
// bar of the run (high and low valid); per variant, the sum of ages
// 1 .. n-1 in order, given at age n-1, then Wilder's running sum; window 1
// is the one-bar value itself, from age 1.
import { ownThenSharedKernelState, paramOf, type Stepper, type StepperContext } from './types.js';
import { BarRun, blankRows, inputIndices, minusMove, plusMove, wilderSumStep } from './wilder.js';

/** TA-Lib's PLUS_DM or (plus false) MINUS_DM. */
export function directionalMovement(ctx: StepperContext, plus: boolean): Stepper {
  const window = paramOf(ctx, 'window');
  const V = ctx.grid.variants;
  // One sum per variant, then the run of high and low.
  const state = new Float64Array(V + BarRun.size(2));
  const run = new BarRun(state, V, inputIndices(ctx, ['high', 'low']));
  const move = plus ? plusMove : minusMove;
  return {
    state,
    step(bar, rows) {
      const out = rows[0]!;
      const age = run.advance(bar);
      if (age <= 0) {
        if (age === 0) state.fill(0.0, 0, V);
        blankRows(rows);
        return;
      }
      const dm = move(run.now[0]!, run.now[1]!, run.prev[0]!, run.prev[1]!);
      for (let v = 0; v < V; v++) {
        const n = window[v]!;
        if (n === 1.0) out[v] = dm;
        else if (age < n) {
          state[v] = state[v]! + dm;
          out[v] = age === n - 1 ? state[v]! : NaN;
        } else out[v] = state[v] = wilderSumStep(state[v]!, dm, n);
      }
    },
    // The kernel's state (kMovementState in native/momentum/common.h): per variant its sum, then the run's age, high and low.
    kernel: ownThenSharedKernelState(state, V, 1, BarRun.size(2)),
  };
}

export default function plusDm(ctx: StepperContext): Stepper {
  return directionalMovement(ctx, true);
}
