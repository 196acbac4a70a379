import { windowParam } from '../params.js';
import type { IndicatorDef } from '../types.js';

const definition: IndicatorDef = {
  id: 'structure.percent_rank',
  group: 'structure',
  title: 'Percent rank',
  inputs: ['source'],
  defaultSource: ['close'],
  params: [windowParam({ start: 5, stop: 100 })],
  outputs: [{ name: 'percent_rank', description: '100 * (how many of the previous `window` values are <= source) / window' }],
  lookback: 'window',
  convention: "100 * count(x[t-i] <= x[t], i = 1..window) / window, Pine Script's ta.percentrank",
  notes: 'The current bar is compared with the `window` bars before it, so the first value is at bar `window`.',
};

export default definition;
