import { type ReferenceFn, bySegments, populationVariance } from '../common.js';
import { rolling } from './common.js';

const reference: ReferenceFn = ([x], { window: n, annualization }) =>
  bySegments([x!], 1, ([s]) => {
    // A log return needs two positive prices; NaN in a window makes it NaN.
    const returns = s!.map((v, t) => (t > 0 && v > 0 && s![t - 1]! > 0 ? Math.log(v / s![t - 1]!) : NaN));
    return [rolling(returns, n!, (i) => 100 * Math.sqrt(populationVariance(returns, i, n!)) * Math.sqrt(annualization!))];
  });

export default reference;
