import { type ReferenceFn, emaSeries, emaFrom } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => {
  const e1 = emaSeries(s, n!), e2 = emaFrom(e1, n! - 1, n!), e3 = emaFrom(e2, 2 * (n! - 1), n!);
  return e1.map((v, t) => e3[t]! + (3 * v - 3 * e2[t]!));
});

export default reference;
