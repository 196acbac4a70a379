// structure.avgdev, stepped: averageDeviation in native/structure/common.h
// over each source's last values, newest first; O(window) per bar, as the
// kernel. The kernel's sum of a window of n values, newest first, is the
// sum of the window of n - 1 plus one more value, so one pass per source
// gives every variant's mean, with the kernel's bits; the deviations from
// each mean are summed four variants at a time (four independent chains,
// each in the kernel's order).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { lastValuesStepper } from './windows.js';

export default function avgdev(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  let longest = 0;
  for (const w of window) longest = Math.max(longest, w);
  // prefix[n]: the sum of the last n values, newest first.
  const prefix = new Float64Array(longest + 1);
  return lastValuesStepper(ctx, {
    inputs: ['source'],
    series: 1,
    back: window.map((w) => w - 1),
    fill(xs, into) {
      into[0] = xs[0]!;
    },
    values(s, r, rows) {
      const out = rows[0]!, e = r.end[0]!, run = r.run;
      const top = Math.min(run, r.longest);
      let sum = 0.0;
      for (let i = 0; i < top; i++) prefix[i + 1] = sum += s[e - i]!;
      let v = r.v0;
      for (; v + 3 < r.v1; v += 4) {
        const n0 = window[v]!, n1 = window[v + 1]!, n2 = window[v + 2]!, n3 = window[v + 3]!;
        if (run < n0 || run < n1 || run < n2 || run < n3) {
          for (let j = v; j < v + 4; j++) out[j] = run < window[j]! ? NaN : deviation(s, e, window[j]!, prefix[window[j]!]! / window[j]!);
          continue;
        }
        const m0 = prefix[n0]! / n0, m1 = prefix[n1]! / n1, m2 = prefix[n2]! / n2, m3 = prefix[n3]! / n3;
        const both = Math.min(n0, n1, n2, n3);
        let d0 = 0.0, d1 = 0.0, d2 = 0.0, d3 = 0.0;
        for (let i = 0; i < both; i++) {
          const x = s[e - i]!;
          d0 += Math.abs(x - m0);
          d1 += Math.abs(x - m1);
          d2 += Math.abs(x - m2);
          d3 += Math.abs(x - m3);
        }
        out[v] = more(s, e, both, n0, m0, d0) / n0;
        out[v + 1] = more(s, e, both, n1, m1, d1) / n1;
        out[v + 2] = more(s, e, both, n2, m2, d2) / n2;
        out[v + 3] = more(s, e, both, n3, m3, d3) / n3;
      }
      for (; v < r.v1; v++) {
        const n = window[v]!;
        out[v] = run < n ? NaN : deviation(s, e, n, prefix[n]! / n);
      }
    },
  });
}

/** The mean absolute deviation from `mean` of the n values ending at s[e], newest first. */
function deviation(s: Float64Array, e: number, n: number, mean: number): number {
  return more(s, e, 0, n, mean, 0.0) / n;
}

/** dev, the sum of |value - mean| over the newest i0 values, carried on to the newest n. */
function more(s: Float64Array, e: number, i0: number, n: number, mean: number, dev: number): number {
  for (let i = i0; i < n; i++) dev += Math.abs(s[e - i]! - mean);
  return dev;
}
