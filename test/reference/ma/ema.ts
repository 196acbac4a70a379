import { type ReferenceFn, emaSeries } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => emaSeries(s, n!));

export default reference;
