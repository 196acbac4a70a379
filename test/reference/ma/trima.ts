import { type ReferenceFn } from '../common.js';
import { smaFrom, onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => {
  const a = n! % 2 ? (n! + 1) / 2 : n! / 2;
  return smaFrom(smaFrom(s, 0, a), a - 1, n! + 1 - a);
});

export default reference;
