import { period, type GoldenMapping } from './types.js';

export const volatility: Record<string, GoldenMapping> = {
  ATR: { id: 'volatility.atr', params: period, outputs: { outReal: 'atr' } },
};
