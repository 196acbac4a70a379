import { type ReferenceFn, nanArray, bySegments, emaSeeded } from '../common.js';
import { roc } from './common.js';

const reference: ReferenceFn = ([x], { window: n }, { seed, zero_denominator: zero } = {}) =>
  bySegments([x!], 1, ([s]) => {
    // Each EMA starts where its input does: n − 1 bars later seeding with the mean, at once with the first value.
    const lag = seed === 'first' ? 0 : n! - 1;
    const e1 = emaSeeded(s!, n!, 0, seed);
    const e2 = emaSeeded(e1, n!, lag, seed);
    const e3 = emaSeeded(e2, n!, 2 * lag, seed);
    const out = nanArray(s!.length);
    for (let t = 3 * lag + 1; t < s!.length; t++) out[t] = zero === 'nan' && e3[t - 1] === 0 ? NaN : roc(e3[t]!, e3[t - 1]!);
    return [out];
  });

export default reference;
