import { period, type GoldenMapping } from './types.js';

const adx = (output: string): GoldenMapping => ({ id: 'trend.adx', params: period, outputs: { outReal: output } });

export const trend: Record<string, GoldenMapping> = {
  ADX: adx('adx'),
  PLUS_DI: adx('plus_di'),
  MINUS_DI: adx('minus_di'),
  DX: adx('dx'),
  ADXR: { id: 'trend.adxr', params: period, outputs: { outReal: 'adxr' } },
  AROON: { id: 'trend.aroon', params: period, outputs: { outAroonUp: 'up', outAroonDown: 'down' } },
  AROONOSC: { id: 'trend.aroon', params: period, outputs: { outReal: 'osc' } },
  SAR: {
    id: 'trend.psar',
    params: (p) => ({ accel_start: p.optInAcceleration!, accel_step: p.optInAcceleration!, accel_max: p.optInMaximum! }),
    outputs: { outReal: 'psar' },
  },
  LINEARREG: { id: 'trend.linreg', params: period, outputs: { outReal: 'value' } },
  // The sliding sums leave about 1e-13 * price of absolute error in slopes near 0 (see the fixture README).
  LINEARREG_SLOPE: { id: 'trend.linreg', params: period, outputs: { outReal: 'slope' }, absTolerance: 1e-13 },
};
