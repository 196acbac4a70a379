// volatility.accbands, stepped: native/volatility/accbands.h. Once per bar,
// the widened high and low (widen) and the close, NaN unless high, low and
// close are numbers; their prefix sums and a ring of the last maxWindow + 1
// (PrefixRing), shared by every window: a window's three bands are its
// window sums divided by the window, once the run is that long. Nothing per
// variant: history steps the shared state alone (resumeBySources);
// pushMany() runs the kernel from it (trend.vortex's state).
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { blankVariant, hlcWindowSums, hlcWindowSumsKernelState } from './wilder.js';

export default function accbands(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const V = ctx.grid.variants;
  const { state, run, sums } = hlcWindowSums(ctx, window);
  const widened = new Float64Array(3);  // upper, middle (the close), lower of the bar
  const windowed = new Float64Array(3);  // their sums over a window
  return {
    state,
    step(bar, rows) {
      const age = run.advance(bar);
      if (age < 0) sums.push(null);
      else {
        // widen: unchanged where high + low is within 1e-14 of 0.
        const high = run.now[0]!, low = run.now[1]!, sum = high + low;
        if (sum > -1e-14 && sum < 1e-14) {
          widened[0] = high;
          widened[2] = low;
        } else {
          const width = 4 * (high - low) / sum;
          widened[0] = high * (1 + width);
          widened[2] = low * (1 - width);
        }
        widened[1] = run.now[2]!;
        sums.push(widened);
      }
      if (!rows[0] && !rows[1] && !rows[2]) return;  // resume(): the shared state only
      for (let v = 0; v < V; v++) {
        const n = window[v]!;
        if (age + 1 < n) {
          blankVariant(rows, v);
          continue;
        }
        sums.windowSums(n, windowed);
        for (let j = 0; j < 3; j++) {
          const o = rows[j];
          if (o) o[v] = windowed[j]! / n;
        }
      }
    },
    // All of the state is shared by the windows: history steps it alone, without a row.
    resume: resumeBySources,
    kernel: hlcWindowSumsKernelState(state, longestOf(window) + 1),
  };
}
