// What several volatility definitions share.
import { multiplier, windowParam } from '../params.js';

export const bandWindow = windowParam({ start: 10, stop: 100, step: 5 });
export const bandMult = multiplier('mult', [1.5, 2, 2.5, 3], 'band distance in standard deviations');

export const VARIANCE_NOTES =
  'Population variance (divisor window) of the window, as TA-Lib VAR. TA-Lib evaluates mean(x^2) - mean(x)^2 from ' +
  'running sums, which cancels at high prices; ta-grid evaluates the same formula on values taken relative to a ' +
  'nearby bar, with double-double sums and exact products (windows under 16 bars in two passes), restarted at every ' +
  'gap, so it stays within a few ulps of the exact variance anywhere in a long series, and a window of identical ' +
  'values gives exactly 0 (TA-Lib leaves a residue of up to about 1e-14 * price^2).';
