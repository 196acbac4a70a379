import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { ma } from './ma.js';
import { momentum } from './momentum.js';
import { oscillators } from './oscillators.js';
import { structure } from './structure.js';
import { trend } from './trend.js';
import type { GoldenMapping } from './types.js';
import { volatility } from './volatility.js';
import { volume } from './volume.js';

export type { GoldenMapping };

/** TA-Lib function name -> mapping, for every function ta-grid covers. */
export const GOLDEN: Record<string, GoldenMapping> = { ...ma, ...volatility, ...momentum, ...oscillators, ...trend, ...volume, ...structure };

export interface GoldenCase {
  function: string;
  label: string;
  params: Record<string, number>;
  begIndex: number;
  nbElement: number;
  outputs: Record<string, number[]>;
}

export interface GoldenFile {
  length: number;
  dataset: Record<'ts_open' | 'open' | 'high' | 'low' | 'close' | 'volume', number[]>;
  cases: GoldenCase[];
}

let cached: GoldenFile | null = null;

export function loadGolden(): GoldenFile {
  cached ??= JSON.parse(gunzipSync(readFileSync(new URL('../fixtures/ta-lib/public.json.gz', import.meta.url))).toString('utf8')) as GoldenFile;
  return cached;
}
