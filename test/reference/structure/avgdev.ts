import { type ReferenceFn, mean } from '../common.js';
import { windowed } from './common.js';

const reference: ReferenceFn = windowed((x, t, n) => {
  const m = mean(x, t - n + 1, n);
  let dev = 0;
  for (let i = t - n + 1; i <= t; i++) dev += Math.abs(x[i]! - m);
  return dev / n;
});

export default reference;
