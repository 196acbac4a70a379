import { bySegments, type ReferenceFn } from '../common.js';
import { dcPhaseSeries, fromLookback, hilbertSeries } from './common.js';

const reference: ReferenceFn = ([x]) =>
  bySegments([x!], 1, ([s]) => (s!.length <= 63 ? [fromLookback(s!, 63)] : [fromLookback(dcPhaseSeries(hilbertSeries(s!, 34)), 63)]));

export default reference;
