import type { GoldenMapping } from './types.js';

export const structure: Record<string, GoldenMapping> = {};
