import type { IndicatorDef } from '../types.js';

export const structure: readonly IndicatorDef[] = [];
