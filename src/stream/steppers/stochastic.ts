// momentum.stoch and momentum.stochf, stepped with SMA smoothing (MA types
// 'sma', the defaults; a grid with another type recomputes): stochastic() in
// native/momentum/common.h. One channel of the highest high and lowest low
// over the last k_window bars; per variant, fast %K (stochK), its running
// mean over k_smoothing bars (slow %K; STOCHF: one bar, %K itself) and the
// running mean of that over d_window bars (%D), both TA-Lib's RunningMean
// (compensated sum, add the newest, then drop the oldest), restarted with
// each run of valid bars (high, low and close); k and d from %D's first bar.
import { paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { twoSumError, ZERO_DENOMINATOR_NAN } from './primitives.js';
import { priceChannel } from './extremes.js';

/** The code of MA type 'sma' (MA_TYPES in src/indicators/params.ts, matype::kSma). */
const SMA = 0;

/** RunningMean::reset for the mean at s[at]: [pos, count, sum, err, ring of n]. */
function resetMean(s: Float64Array, at: number): void {
  s[at] = s[at + 1] = s[at + 2] = s[at + 3] = 0.0;
}

/** RunningMean::push: the mean of the last n values once n have arrived, else NaN. */
function pushMean(s: Float64Array, at: number, n: number, x: number): number {
  const ring = at + 4;
  let pos = s[at]!;
  s[ring + pos] = x;
  let sum = s[at + 2]!, err = s[at + 3]!;
  let t = sum + x;
  err += twoSumError(sum, x, t);
  sum = t;
  if (++pos === n) pos = 0;
  s[at] = pos;
  const count = s[at + 1]! + 1;
  s[at + 1] = count;
  let mean = NaN;
  if (count >= n) {
    mean = (sum + err) / n;
    const y = -s[ring + pos]!;  // the oldest value of this window
    t = sum + y;
    err += twoSumError(sum, y, t);
    sum = t;
  }
  s[at + 2] = sum;
  s[at + 3] = err;
  return mean;
}

/** smoothing: the k_smoothing param (null: STOCHF, none); types: the MA type params. */
export function stochastic(ctx: StepperContext, smoothing: string | null, types: readonly string[]): Stepper | null {
  if (types.some((p) => paramOf(ctx, p).some((code) => code !== SMA))) return null;
  const V = ctx.grid.variants;
  const kn = smoothing ? paramOf(ctx, smoothing) : new Float64Array(V).fill(1);
  const dn = paramOf(ctx, 'd_window');
  const zero = paramOf(ctx, 'zero_denominator');
  const { window: kWindow, level, back, c, layout, ch } = priceChannel(ctx, 'k_window', true);
  // Per variant: slow %K's mean, then %D's.
  const slowAt = new Int32Array(V), dAt = new Int32Array(V);
  for (let v = 0; v < V; v++) {
    slowAt[v] = layout.take(4 + kn[v]!);
    dAt[v] = layout.take(4 + dn[v]!);
  }
  const state = new Float64Array(layout.size);
  return {
    state,
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const kOut = rows[0], dOut = rows[1];
      const close = bar[c]!;
      for (let v = 0; v < V; v++) {
        if (run === 1) {
          resetMean(state, slowAt[v]!);
          resetMean(state, dAt[v]!);
        }
        let slow = NaN, blank = false;
        if (run >= kWindow[v]!) {
          const hh = ch.upper(state, level[v]!, back[v]!), ll = ch.lower(state, level[v]!, back[v]!);
          // stochK: 0 where the range is empty; stochBlank: NaN there with zero_denominator 'nan'.
          const diff = (hh - ll) / 100.0;
          slow = pushMean(state, slowAt[v]!, kn[v]!, diff !== 0.0 ? (close - ll) / diff : 0.0);
          blank = diff === 0.0 && zero[v] === ZERO_DENOMINATOR_NAN;
        }
        // putKD: %D from slow %K's values; both from %D's first value on.
        const d = slow === slow ? pushMean(state, dAt[v]!, dn[v]!, slow) : NaN;
        if (kOut) kOut[v] = d !== d || blank ? NaN : slow;
        if (dOut) dOut[v] = blank ? NaN : d;
      }
    },
    resume: resumeBySources,
  };
}
