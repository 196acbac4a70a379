import { windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.cci',
  group: 'momentum',
  title: 'Commodity channel index',
  inputs: ['high', 'low', 'close'],
  params: [windowParam({ start: 5, stop: 100 }), zeroDenominatorParam('no deviation from the mean; TA-Lib 0')],
  outputs: [{ name: 'cci', description: '(TP - SMA(TP)) / (0.015 * mean absolute deviation of TP), TP = (high + low + close) / 3' }],
  lookback: 'window - 1',
  convention: 'TA-Lib CCI',
  notes:
    "0 when TP - mean or the deviation is exactly 0. The window is summed in the slot order of TA-Lib's circular buffer. " +
    'On a flat window TP and its mean can differ by one rounding, which gives +-66.67 instead of 0, as in TA-Lib.',
};

export default definition;
