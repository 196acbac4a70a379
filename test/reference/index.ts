import type { ReferenceFn } from './common.js';
import { ma } from './ma.js';
import { momentum } from './momentum.js';
import { oscillators } from './oscillators.js';
import { structure } from './structure.js';
import { trend } from './trend.js';
import { volatility } from './volatility.js';
import { volume } from './volume.js';

export type { ReferenceFn, Params } from './common.js';

/** Naive oracle per indicator id; the parity suite requires one for every registry entry. */
export const REFERENCES: Record<string, ReferenceFn> = { ...ma, ...volatility, ...momentum, ...oscillators, ...trend, ...volume, ...structure };
