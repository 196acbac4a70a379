import { type ReferenceFn, atrSeeded, bySegments, emaSeeded, fromBar } from '../common.js';
import { ratioOrNaN } from './common.js';

const reference: ReferenceFn = (inputs, { window: n }, { seed } = {}) =>
  bySegments(inputs, 1, ([x, h, l, c]) => {
    const ema = emaSeeded(x!, n!, 0, seed), atr = atrSeeded(h!, l!, c!, n!, seed);
    return [fromBar(x!.length, seed === 'first' ? 0 : n!, (t) => ratioOrNaN(x![t]! - ema[t]!, atr[t]!))];
  });

export default reference;
