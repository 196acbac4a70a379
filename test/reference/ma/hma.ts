import { type ReferenceFn } from '../common.js';
import { wmaFrom, onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => {
  const half = wmaFrom(s, 0, Math.floor(n! / 2)), full = wmaFrom(s, 0, n!);
  const diff = half.map((h, t) => 2 * h - full[t]!);
  return wmaFrom(diff, n! - 1, Math.floor(Math.sqrt(n!)));
});

export default reference;
