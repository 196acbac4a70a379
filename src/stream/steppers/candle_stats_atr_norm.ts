// structure.candle_stats_atr_norm, stepped: native/structure/
// candle_stats_atr_norm.h. The run of valid open, high, low and close with
// the previous close; per variant TA-Lib's ATR (atrStep, as volatility.atr:
// the mean of the first atr_window true ranges from the run's second bar, or
// the first bar's high - low for seed 'first'), each candle length over it.
import { ownThenSharedKernelState, paramOf, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST } from './primitives.js';
import { atrStep, BarRun, blankVariant, runTrueRange } from './wilder.js';
import { candleShape, ohlcOf } from './candles.js';

export default function candleStatsAtrNorm(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'atr_window'), seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  // The ATR per variant, then the run of the four prices.
  const state = new Float64Array(V + BarRun.size(4));
  const run = new BarRun(state, V, ohlcOf(ctx));
  const k = new Float64Array(4);
  return {
    state,
    // The kernel's state (native/structure/candle_stats_atr_norm.h): per variant its ATR, then the run's age and last bar.
    kernel: ownThenSharedKernelState(state, V, 1, BarRun.size(4)),
    step(bar, rows) {
      const age = run.advanceOrBlank(bar, rows);
      if (age < 0) return;
      const now = run.now, open = now[0]!, high = now[1]!, low = now[2]!, close = now[3]!;
      const tr = runTrueRange(age, high, low, run.prev[3]!);
      candleShape(open, high, low, close, k);
      for (let v = 0; v < V; v++) {
        if (!atrStep(state, v, age, tr, high - low, window[v]!, seed[v] === SEED_FIRST)) {
          blankVariant(rows, v);
          continue;
        }
        // candleShape's lengths over the ATR, NaN where it is 0 as stores of their own (a select of NaN and a value was boxed: chains.ts).
        const atr = state[v]!;
        if (atr === 0.0) {
          blankVariant(rows, v);
          continue;
        }
        for (let i = 0; i < 4; i++) if (rows[i]) rows[i]![v] = k[i]! / atr;
      }
    },
  };
}
