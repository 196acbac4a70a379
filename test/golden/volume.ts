import type { GoldenMapping } from './types.js';

export const volume: Record<string, GoldenMapping> = {};
