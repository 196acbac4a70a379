import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'momentum.imi',
  group: 'momentum',
  title: 'Intraday momentum index',
  inputs: ['open', 'close'],
  params: [windowParam({ start: 5, stop: 50 })],
  outputs: [{ name: 'imi', description: '100 * Σ up bodies / (Σ up bodies + Σ down bodies) over the window' }],
  lookback: 'window - 1',
  convention: 'TA-Lib IMI (0 where every body of the window is empty)',
  notes:
    'An up body is close - open of a bar closing above its open, a down body open - close of any other bar. ' +
    'TA-Lib divides 0 by 0 (NaN) where every bar of the window has close = open; ta-grid gives 0 there.',
};

export default definition;
