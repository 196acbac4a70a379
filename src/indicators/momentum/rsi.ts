import { bySeed, seedParam, windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.rsi',
  group: 'momentum',
  title: 'Relative strength index',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 }), seedParam, zeroDenominatorParam('no gain and no loss in the window; TA-Lib 0')],
  outputs: [{ name: 'rsi', description: "100 * avgGain / (avgGain + avgLoss), Wilder's smoothing" }],
  lookback: bySeed('window', '1'),
  convention: 'TA-Lib RSI',
};

export default definition;
