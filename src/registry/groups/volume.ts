import type { IndicatorDef } from '../types.js';

export const volume: readonly IndicatorDef[] = [];
