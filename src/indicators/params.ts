import type { ParamDef } from './types.js';

/** Bounds every length parameter shares (kMaxWindow in native/abi.h, MAX_WINDOW in asm/abi.ts): TA-Lib's limit. */
export const WINDOW_MAX = 100_000;

/** Whether a param is a length in bars: kernels size per-variant rings and deques for the longest one. */
export function isWindowParam(p: ParamDef): boolean {
  return p.kind === 'int' && p.max === WINDOW_MAX;
}

/**
 * The longest window among variants [v0, v1) of per-param columns (0 when the
 * indicator has none): the W kernels size their scratch with.
 */
export function longestWindow(params: readonly ParamDef[], columns: readonly ArrayLike<number>[], v0: number, v1: number): number {
  let w = 0;
  params.forEach((p, i) => {
    if (!isWindowParam(p)) return;
    const col = columns[i]!;
    for (let v = v0; v < v1; v++) if (col[v]! > w) w = col[v]!;
  });
  return Math.min(Math.ceil(w), WINDOW_MAX);
}

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
