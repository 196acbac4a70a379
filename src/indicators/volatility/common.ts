// What several volatility definitions share.
import { multiplier, windowParam } from '../params.js';

export const bandWindow = windowParam({ start: 10, stop: 100, step: 5 });
export const bandMult = multiplier('mult', [1.5, 2, 2.5, 3], 'band distance in standard deviations');

export const VARIANCE_NOTES =
  'Population variance (divisor window) of the window, as TA-Lib VAR. TA-Lib evaluates mean(x^2) - mean(x)^2 from ' +
  'running sums, which cancels at high prices; ta-grid evaluates the same formula on values taken relative to a ' +
  'nearby bar, with compensated sums, and recomputes the rare ill-conditioned window in two passes, so it is as ' +
  'accurate as a two-pass variance, and a window of identical values gives exactly 0 (TA-Lib leaves a residue of up ' +
  'to about 1e-14 * price^2).';
