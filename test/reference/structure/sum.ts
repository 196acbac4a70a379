import { type ReferenceFn } from '../common.js';
import { windowed } from './common.js';

function windowSum(x: Float64Array, t: number, n: number): number {
  let s = 0;
  for (let i = t - n + 1; i <= t; i++) s += x[i]!;
  return s;
}

const reference: ReferenceFn = windowed(windowSum);

export default reference;
