import { period } from '../params.js';
import type { IndicatorDef } from '../types.js';
import { HLC } from './common.js';

const definition: IndicatorDef = {
  id: 'trend.ichimoku',
  group: 'trend',
  title: 'Ichimoku cloud',
  inputs: [...HLC],
  params: [
    period('conversion', 2, [7, 9, 12], 'window of the conversion line (tenkan-sen)'),
    period('base', 2, [22, 26, 30], 'window of the base line (kijun-sen)'),
    period('span_b', 2, [44, 52, 60], 'window of leading span B (senkou span B)'),
    period('displacement', 1, [26], 'bars the spans are shifted forward and the lagging line backward'),
  ],
  outputs: [
    { name: 'conversion', description: '(highest high + lowest low) / 2 over conversion bars' },
    { name: 'base', description: '(highest high + lowest low) / 2 over base bars' },
    { name: 'span_a', description: '(conversion + base) / 2, displacement bars ahead' },
    { name: 'span_b', description: '(highest high + lowest low) / 2 over span_b bars, displacement bars ahead' },
    { name: 'lagging', description: 'the close displacement bars later', sparse: true, looksAhead: true },
  ],
  lookback: {
    conversion: 'conversion - 1',
    base: 'base - 1',
    span_a: 'max(conversion, base) - 1 + displacement',
    span_b: 'span_b - 1 + displacement',
    lagging: '0',
  },
  convention: 'Hosoda: midpoints of high/low channels; span_a[t], span_b[t] computed at t - displacement; lagging[t] = close[t + displacement]',
  notes:
    'The spans at bar t are the values computed displacement bars earlier, where a chart plots them. ' +
    'lagging[t] = close[t + displacement] looks ahead by construction: it is NaN on the last displacement bars ' +
    '(and before a gap) and must not feed a signal at bar t. Every other output uses bars up to t only.',
};

export default definition;
