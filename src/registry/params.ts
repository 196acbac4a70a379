import type { ParamDef } from './types.js';

/** Bounds every window parameter shares unless an indicator says otherwise. */
export const WINDOW_MAX = 500;

/** A window (period) parameter: an integer in [min, WINDOW_MAX]. */
export function windowParam(
  defaults: { start: number; stop: number; step?: number } | readonly number[] | number,
  min = 2,
  description = 'window length in bars',
): ParamDef {
  return { name: 'window', kind: 'int', min, max: WINDOW_MAX, default: defaults, description };
}
