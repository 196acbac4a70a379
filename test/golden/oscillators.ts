import { period, type GoldenMapping } from './types.js';

const kd = { outSlowK: 'k', outSlowD: 'd' };
const fastKd = { outFastK: 'k', outFastD: 'd' };

export const oscillators: Record<string, GoldenMapping> = {
  STOCH: {
    id: 'momentum.stoch',
    params: (p) => ({ k_window: p.optInFastK_Period!, k_smoothing: p.optInSlowK_Period!, d_window: p.optInSlowD_Period! }),
    outputs: kd,
  },
  STOCHF: {
    id: 'momentum.stochf',
    params: (p) => ({ k_window: p.optInFastK_Period!, d_window: p.optInFastD_Period! }),
    outputs: fastKd,
  },
  STOCHRSI: {
    id: 'momentum.stoch_rsi',
    params: (p) => ({ rsi_window: p.optInTimePeriod!, k_window: p.optInFastK_Period!, d_window: p.optInFastD_Period! }),
    outputs: fastKd,
  },
  WILLR: { id: 'momentum.williams_r', params: period, outputs: { outReal: 'williams_r' } },
  CCI: { id: 'momentum.cci', params: period, outputs: { outReal: 'cci' } },
  ULTOSC: {
    id: 'momentum.ultosc',
    params: (p) => ({ window1: p.optInTimePeriod1!, window2: p.optInTimePeriod2!, window3: p.optInTimePeriod3! }),
    outputs: { outReal: 'ultosc' },
  },
};
