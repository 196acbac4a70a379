import type { ReferenceFn } from './common.js';

export const volume: Record<string, ReferenceFn> = {};
