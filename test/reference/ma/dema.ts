import { type ReferenceFn, emaSeeded } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }, { seed }) => {
  // Each EMA starts where its input does: bar n − 1 seeding with the mean, bar 0 with the first value.
  const lag = seed === 'first' ? 0 : n! - 1;
  const e1 = emaSeeded(s, n!, 0, seed), e2 = emaSeeded(e1, n!, lag, seed);
  return e1.map((v, t) => 2 * v - e2[t]!);
});

export default reference;
