import type { ParamDef } from './types.js';

/** Bounds every length parameter shares (kMaxWindow in native/abi.h, MAX_WINDOW in asm/abi.ts). */
export const WINDOW_MAX = 500;

/** A length in bars (window, period, shift): an integer in [min, WINDOW_MAX]. */
export function period(name: string, min: number, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'int', min, max: WINDOW_MAX, default: defaults, description };
}

/** The `window` parameter most indicators take. */
export function windowParam(defaults: ParamDef['default'], min = 2, description = 'window length in bars'): ParamDef {
  return period('window', min, defaults, description);
}

/** A distance in units of a spread (standard deviations, ATRs): a float in [0.1, 10]. */
export function multiplier(name: string, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'float', min: 0.1, max: 10, default: defaults, description };
}
