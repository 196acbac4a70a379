import { period, type GoldenMapping } from './types.js';

export const ma: Record<string, GoldenMapping> = {
  SMA: { id: 'ma.sma', params: period, outputs: { outReal: 'sma' } },
  EMA: { id: 'ma.ema', params: period, outputs: { outReal: 'ema' } },
};
