import { type ReferenceFn, bySegments, trueRangeSeries } from '../common.js';

const reference: ReferenceFn = ([h, l, c]) => bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => [trueRangeSeries(sh!, sl!, sc!)]);

export default reference;
