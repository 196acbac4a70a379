import { type ReferenceFn } from '../common.js';
import { wmaFrom, onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => wmaFrom(s, 0, n!));

export default reference;
