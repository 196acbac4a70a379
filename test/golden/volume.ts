import { period, type GoldenMapping } from './types.js';

export const volume: Record<string, GoldenMapping> = {
  OBV: { id: 'volume.obv', params: () => ({}), outputs: { outReal: 'obv' } },
  AD: { id: 'volume.ad', params: () => ({}), outputs: { outReal: 'ad' } },
  ADOSC: {
    id: 'volume.adosc',
    params: (p) => ({ fast: p.optInFastPeriod!, slow: p.optInSlowPeriod! }),
    outputs: { outReal: 'adosc' },
  },
  // TA-Lib's running sums leave ~1e-13 where a window's flow is exactly 0 (fixture README).
  MFI: { id: 'volume.mfi', params: period, outputs: { outReal: 'mfi' }, absTolerance: 1e-13 },
};
