import { type ReferenceFn } from '../common.js';
import { bandsOf } from './common.js';

const reference: ReferenceFn = ([x], { window: n, mult }, { matype } = {}) => {
  const [, upper, lower] = bandsOf(x!, n!, mult!, matype);
  return [x!.map((v, t) => (upper![t] === lower![t] ? NaN : (v - lower![t]!) / (upper![t]! - lower![t]!)))];
};

export default reference;
