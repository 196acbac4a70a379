import { bySegments, type ReferenceFn } from '../common.js';
import { fromLookback, hilbertSeries } from './common.js';

const reference: ReferenceFn = ([x]) =>
  bySegments([x!], 1, ([s]) => (s!.length <= 32 ? [fromLookback(s!, 32)] : [fromLookback(hilbertSeries(s!, 9).smoothPeriod, 32)]));

export default reference;
