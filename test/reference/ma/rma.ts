import { type ReferenceFn, ewmFirst, nanArray, mean } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }, { seed }) => {
  if (seed === 'first') return ewmFirst(s, 1 / n!);
  const out = nanArray(s.length);
  if (s.length < n!) return out;
  let r = mean(s, 0, n!);
  out[n! - 1] = r;
  for (let t = n!; t < s.length; t++) out[t] = r = (r * (n! - 1) + s[t]!) / n!;
  return out;
});

export default reference;
