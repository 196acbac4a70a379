import type { IndicatorDef } from '../types.js';

export const trend: readonly IndicatorDef[] = [];
