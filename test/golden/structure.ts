import { period, type GoldenMapping } from './types.js';

export const structure: Record<string, GoldenMapping> = {
  MAX: { id: 'structure.max', params: period, outputs: { outReal: 'max' } },
  MIN: { id: 'structure.min', params: period, outputs: { outReal: 'min' } },
  SUM: { id: 'structure.sum', params: period, outputs: { outReal: 'sum' } },
  MIDPOINT: { id: 'structure.midpoint', params: period, outputs: { outReal: 'midpoint' } },
  MIDPRICE: { id: 'structure.midprice', params: period, outputs: { outReal: 'midprice' } },
};
