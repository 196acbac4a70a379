import { type ReferenceFn } from '../common.js';
import { smaFrom, onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }) => smaFrom(s, 0, n!));

export default reference;
