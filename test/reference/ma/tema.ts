import { type ReferenceFn, emaSeeded } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }, { seed }) => {
  // Each EMA starts where its input does: n − 1 bars later seeding with the mean, at once with the first value.
  const lag = seed === 'first' ? 0 : n! - 1;
  const e1 = emaSeeded(s, n!, 0, seed), e2 = emaSeeded(e1, n!, lag, seed), e3 = emaSeeded(e2, n!, 2 * lag, seed);
  return e1.map((v, t) => e3[t]! + (3 * v - 3 * e2[t]!));
});

export default reference;
