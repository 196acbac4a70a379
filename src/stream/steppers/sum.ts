// structure.sum, stepped: native/structure/sum.h, TA-Lib SUM as the window
// sums of the compensated prefix pairs (prefixSums, prefixWindowSum):
// ma.sma's stepper (prefixWindows) with a scale of 1, which leaves each sum
// as it is. Per source, the running pair and a ring of the last maxWindow + 1
// pairs, shared by every window; the kernel's state is ma.sma's
// (withPrefixKernel), so pushMany() and history run the batch kernel.
import type { Stepper, StepperContext } from './types.js';
import { prefixWindows, withPrefixKernel } from './sma.js';

export default function sum(ctx: StepperContext): Stepper {
  return withPrefixKernel(prefixWindows(ctx, new Float64Array(ctx.grid.variants).fill(1.0)));
}
