import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.cmo',
  group: 'momentum',
  title: 'Chande momentum oscillator',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [{ name: 'cmo', description: "100 * (avgGain - avgLoss) / (avgGain + avgLoss), Wilder's smoothing as in RSI" }],
  lookback: 'window',
  convention: 'TA-Lib CMO',
};

export default definition;
