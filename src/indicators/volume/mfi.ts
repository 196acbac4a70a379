import { windowParam, zeroDenominatorParam } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLCV } from './common.js';

const definition: IndicatorDef = {
  id: 'volume.mfi',
  group: 'volume',
  title: 'Money flow index',
  inputs: [...HLCV],
  params: [windowParam({ start: 5, stop: 100 }), zeroDenominatorParam('positive + negative flow below 1, a flat or untraded window; TA-Lib 0')],
  outputs: [{ name: 'mfi', description: '100 * positive flow / (positive + negative flow) over the window' }],
  lookback: 'window',
  convention: 'TA-Lib MFI',
  notes:
    "A bar's flow is typical price * volume, positive when the typical price rose from the previous bar, negative " +
    'when it fell, neither when equal. 0 when positive + negative flow is below 1, as in TA-Lib.',
};

export default definition;
