import { period, type GoldenMapping } from './types.js';

// TA-Lib's one-pass variance cancels (fixture README): against the exact
// variance it is off by up to about 1e-14 * price^2 (VAR) and 1e-7 * price
// (STDDEV, largest on two equal closes). absTolerance is in units of the price.
export const volatility: Record<string, GoldenMapping> = {
  TRANGE: { id: 'volatility.tr', params: () => ({}), outputs: { outReal: 'tr' } },
  ATR: { id: 'volatility.atr', params: period, outputs: { outReal: 'atr' } },
  NATR: { id: 'volatility.natr', params: period, outputs: { outReal: 'natr' } },
  VAR: { id: 'volatility.variance', params: period, outputs: { outReal: 'variance' }, absTolerance: 1e-12 },
  STDDEV: {
    id: 'volatility.stddev',
    params: (p) => ({ window: p.optInTimePeriod!, nbdev: p.optInNbDev! }),
    outputs: { outReal: 'stddev' },
    absTolerance: 1e-7,
  },
  BBANDS: {
    id: 'volatility.bbands',
    params: (p) => ({ window: p.optInTimePeriod!, mult: p.optInNbDevUp! }),
    outputs: { outRealUpperBand: 'upper', outRealMiddleBand: 'mid', outRealLowerBand: 'lower' },
  },
};
