import { type ReferenceFn, emaFrom } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => {
  const lag = Math.floor((n! - 1) / 2);
  const y = s.map((v, t) => (t >= lag ? v + (v - s[t - lag]!) : NaN));
  return emaFrom(y, lag, n!);
});

export default reference;
