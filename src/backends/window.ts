// The W of a kernel job: the longest window among its variants, which kernels
// size per-variant rings and deques for.
import { longestWindow } from '../indicators/params.js';
import { getIndicator } from '../registry/index.js';
import type { KernelJob } from './types.js';

export function jobWindow(job: KernelJob): number {
  return longestWindow(getIndicator(job.kernel).params, job.params, job.v0, job.v1);
}
