import type { GoldenMapping } from './types.js';

export const trend: Record<string, GoldenMapping> = {};
