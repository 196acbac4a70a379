import { period, type GoldenMapping } from './types.js';

export const momentum: Record<string, GoldenMapping> = {
  RSI: { id: 'momentum.rsi', params: period, outputs: { outReal: 'rsi' } },
};
