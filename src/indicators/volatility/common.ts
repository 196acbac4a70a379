// What several volatility definitions share.
import { maLookback, matypeParam, multiplier, windowParam } from '../params.js';

export const bandWindow = windowParam({ start: 10, stop: 100, step: 5 });
export const bandMult = multiplier('mult', [1.5, 2, 2.5, 3], 'band distance in standard deviations');
export const bandMatype = matypeParam('matype', 'sma', 'the middle band');

/** TA_BBANDS_Lookback (TA_MA's), and never before the window's standard deviation (MAMA's 32 bars can be shorter). */
export const BANDS_LOOKBACK = `max(${maLookback('matype', 'window')}, window - 1)`;

export const BANDS_MATYPE_NOTES =
  "With matype other than 'sma' the middle band is TA-Lib's TA_MA of that type and the deviation stays the window's population " +
  'standard deviation (TA-Lib STDDEV), as TA-Lib BBANDS. MAMA ignores the window for the middle band; its bands start at ' +
  'max(32, window - 1), where TA-Lib (lookback 32) misaligns the deviation of windows over 33 bars.';

export const VARIANCE_NOTES =
  'Population variance (divisor window) of the window, as TA-Lib VAR. TA-Lib evaluates mean(x^2) - mean(x)^2 from ' +
  'running sums, which cancels at high prices; ta-grid evaluates the same formula on values taken relative to a ' +
  'nearby bar, with double-double sums and exact products (windows under 16 bars in two passes), restarted at every ' +
  'gap, so it stays within a few ulps of the exact variance anywhere in a long series, and a window of identical ' +
  'values gives exactly 0 (TA-Lib leaves a residue of up to about 1e-14 * price^2).';
