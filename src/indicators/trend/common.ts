// What several trend definitions share.
import type { ParamDef } from '../types.js';

export const HLC = ['high', 'low', 'close'] as const;

export function acceleration(name: string, defaults: ParamDef['default'], description: string): ParamDef {
  return { name, kind: 'float', min: 0, max: 1, default: defaults, description };
}

export const ATR_NOTE = 'ATR(window) is TA-Lib ATR: the mean of the first window true ranges, then Wilder smoothing.';
