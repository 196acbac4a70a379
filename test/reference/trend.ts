import type { ReferenceFn } from './common.js';

export const trend: Record<string, ReferenceFn> = {};
