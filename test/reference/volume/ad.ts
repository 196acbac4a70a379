import { type ReferenceFn, bySegments } from '../common.js';
import { adSeries } from './common.js';

const reference: ReferenceFn = (inputs) => bySegments(inputs, 1, (seg) => [adSeries(seg)]);

export default reference;
