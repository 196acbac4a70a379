import { bySeed, seedParam, windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.cmo',
  group: 'momentum',
  title: 'Chande momentum oscillator',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 }), seedParam, zeroDenominatorParam('no gain and no loss in the window; TA-Lib 0')],
  outputs: [{ name: 'cmo', description: "100 * (avgGain - avgLoss) / (avgGain + avgLoss), Wilder's smoothing as in RSI" }],
  lookback: bySeed('window', '1'),
  cost: 4.5,  // running gains and losses and a ratio per value: wasm time per value about 4.5x EMA's (default grids, npm run bench -- --suite wasm)
  convention: 'TA-Lib CMO',
};

export default definition;
