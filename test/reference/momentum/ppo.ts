import { type ReferenceFn, bySegments } from '../common.js';
import { emaLine, nearZero, withSignal } from './common.js';

const percent = (fast: number, slow: number) => (nearZero(slow) ? 0 : ((fast - slow) / slow) * 100);

// zero_denominator 'nan': every output is NaN at a bar whose slow EMA is ~0 (the signal EMA still takes TA-Lib's 0).
const reference: ReferenceFn = ([x], p, { seed, zero_denominator: zero } = {}) =>
  bySegments([x!], 3, ([s]) => {
    const outs = withSignal(s!, p, false, percent, seed);
    if (zero !== 'nan') return outs;
    const flat = emaLine(s!, p, false, (_, slow) => (nearZero(slow) ? 1 : 0), seed).out;
    return outs.map((o) => o.map((v, t) => (flat[t] === 1 ? NaN : v)));
  });

export default reference;
