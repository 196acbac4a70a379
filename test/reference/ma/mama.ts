import { bySegments, type ReferenceFn } from '../common.js';
import { atan, fromLookback, hilbertSeries, RAD2DEG } from '../cycle/common.js';

/** MAMA and FAMA: EMAs whose α = fast / (phase drop), clamped to [slow, fast]. */
function mama(x: Float64Array, fast: number, slow: number): [Float64Array, Float64Array] {
  const h = hilbertSeries(x, 9);
  const phase = (t: number) => (t >= h.first && h.inPhase[t] !== 0 ? atan(h.quadrature[t]! / h.inPhase[t]!) * RAD2DEG : 0);
  const mamaOut = new Float64Array(x.length), famaOut = new Float64Array(x.length);
  let m = 0, f = 0;
  for (let t = h.first; t < x.length; t++) {
    const deltaPhase = Math.max(phase(t - 1) - phase(t), 1);
    const alpha = deltaPhase > 1 ? Math.max(fast / deltaPhase, slow) : fast;
    m = alpha * x[t]! + (1 - alpha) * m;
    f = (alpha / 2) * m + (1 - alpha / 2) * f;
    mamaOut[t] = m;
    famaOut[t] = f;
  }
  return [mamaOut, famaOut];
}

const reference: ReferenceFn = ([x], { fast_limit, slow_limit }) =>
  bySegments([x!], 2, ([s]) => {
    if (s!.length <= 32) return [fromLookback(s!, 32), fromLookback(s!, 32)];
    return mama(s!, fast_limit!, slow_limit!).map((o) => fromLookback(o, 32));
  });

export default reference;
