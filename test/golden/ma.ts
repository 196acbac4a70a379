import { period, type GoldenMapping } from './types.js';

export const ma: Record<string, GoldenMapping> = {
  SMA: { id: 'ma.sma', params: period, outputs: { outReal: 'sma' } },
  EMA: { id: 'ma.ema', params: period, outputs: { outReal: 'ema' } },
  WMA: { id: 'ma.wma', params: period, outputs: { outReal: 'wma' } },
  DEMA: { id: 'ma.dema', params: period, outputs: { outReal: 'dema' } },
  TEMA: { id: 'ma.tema', params: period, outputs: { outReal: 'tema' } },
  TRIMA: { id: 'ma.trima', params: period, outputs: { outReal: 'trima' } },
  KAMA: { id: 'ma.kama', params: period, outputs: { outReal: 'kama' } },
  T3: { id: 'ma.t3', params: (p) => ({ window: p.optInTimePeriod!, vfactor: p.optInVFactor! }), outputs: { outReal: 't3' } },
};
