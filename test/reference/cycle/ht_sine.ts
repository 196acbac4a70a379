import { bySegments, type ReferenceFn } from '../common.js';
import { dcPhaseSeries, fromLookback, hilbertSeries, RAD2DEG, sin } from './common.js';

const reference: ReferenceFn = ([x]) =>
  bySegments([x!], 2, ([s]) => {
    if (s!.length <= 63) return [fromLookback(s!, 63), fromLookback(s!, 63)];
    const phase = dcPhaseSeries(hilbertSeries(s!, 34));
    const deg2Rad = 1 / RAD2DEG;
    return [
      fromLookback(phase.map((p) => sin(p * deg2Rad)), 63),
      fromLookback(phase.map((p) => sin((p + 45) * deg2Rad)), 63),
    ];
  });

export default reference;
