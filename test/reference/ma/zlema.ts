import { type ReferenceFn, emaSeeded } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }, { seed }) => {
  const lag = Math.floor((n! - 1) / 2);
  const y = s.map((v, t) => (t >= lag ? v + (v - s[t - lag]!) : NaN));
  return emaSeeded(y, n!, lag, seed);
});

export default reference;
