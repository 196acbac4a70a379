import type { ReferenceFn } from './common.js';

export const structure: Record<string, ReferenceFn> = {};
