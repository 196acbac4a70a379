// The TA-Lib fixture: one dataset and the cases TA-Lib computed on it.
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

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
