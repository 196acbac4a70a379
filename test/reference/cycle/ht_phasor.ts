import { bySegments, type ReferenceFn } from '../common.js';
import { fromLookback, hilbertSeries } from './common.js';

const reference: ReferenceFn = ([x]) =>
  bySegments([x!], 2, ([s]) => {
    if (s!.length <= 32) return [fromLookback(s!, 32), fromLookback(s!, 32)];
    const h = hilbertSeries(s!, 9);
    return [fromLookback(h.inPhase, 32), fromLookback(h.quadrature, 32)];
  });

export default reference;
