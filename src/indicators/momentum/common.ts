// What several momentum definitions share.
import { period } from '../params.js';

export const fast = period('fast', 2, { start: 4, stop: 20, step: 2 }, 'fast EMA window (swapped with slow when larger, as TA-Lib does)');
export const slow = period('slow', 2, { start: 24, stop: 60, step: 4 }, 'slow EMA window');
export const signal = period('signal', 1, { start: 3, stop: 15, step: 3 }, 'window of the signal EMA of the line');

export const kWindow = period('k_window', 1, { start: 5, stop: 50 }, 'bars of the highest high / lowest low behind fast %K');
export const kSmoothing = period('k_smoothing', 1, [1, 3, 5], 'SMA window that turns fast %K into slow %K');
export const dWindow = period('d_window', 1, [3, 5], 'SMA window of %D over %K');

export const KD_NOTES = 'k is NaN until d starts, so both outputs begin on the same bar, as in TA-Lib.';
