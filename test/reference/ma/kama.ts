import { type ReferenceFn, nanArray } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => {
  const out = nanArray(s.length);
  let k = s[n! - 1]!;
  for (let t = n!; t < s.length; t++) {
    let path = 0;
    for (let i = t - n! + 1; i <= t; i++) path += Math.abs(s[i]! - s[i - 1]!);
    const change = s[t]! - s[t - n!]!;
    const er = path <= change || Math.abs(path) < 1e-14 ? 1 : Math.abs(change / path);
    const sc = (er * (2 / 3 - 2 / 31) + 2 / 31) ** 2;
    k = (s[t]! - k) * sc + k;
    out[t] = k;
  }
  return out;
});

export default reference;
