import { type ReferenceFn } from '../common.js';
import { bandsOf } from './common.js';

const reference: ReferenceFn = ([x], { window: n, mult }, { matype } = {}) => {
  const [mid, upper, lower] = bandsOf(x!, n!, mult!, matype);
  return [mid!.map((m, t) => (m === 0 ? NaN : (upper![t]! - lower![t]!) / m))];
};

export default reference;
