// The TA-Lib fixtures: the datasets and the cases TA-Lib computed on them.
// public.json.gz carries its dataset; extended.json.gz (EXTENDED.md) names
// its datasets by digest, and the pattern candles are regenerated from the
// committed generator (test/talib-extended.test.ts checks the digests).
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { patternCandles } from '../../scripts/talib-golden/datasets.mjs';

export type Column = 'ts_open' | 'open' | 'high' | 'low' | 'close' | 'volume';
export type Dataset = Record<Column, number[]>;

export interface GoldenCase {
  /** Which dataset of `GoldenData.datasets` TA-Lib ran on. */
  dataset: string;
  function: string;
  label: string;
  params: Record<string, number>;
  /** For two-input functions (BETA, CORREL): the candle column given as each TA-Lib input. */
  inputMap: Record<string, string> | null;
  begIndex: number;
  nbElement: number;
  /** Real outputs: element j belongs to bar begIndex + j. */
  outputs: Record<string, number[]>;
  /** Integer (pattern) outputs: value -> gaps between the bars holding it; every other bar from begIndex on is 0. */
  nonzeroGaps?: Record<string, Record<string, number[]>>;
}

export interface GoldenData {
  datasets: Record<string, Dataset>;
  cases: GoldenCase[];
}

interface RawCase {
  dataset?: string;
  function: string;
  label: string;
  params: Record<string, number>;
  input_map?: Record<string, string> | null;
  begIndex: number;
  nbElement: number;
  outputs?: Record<string, number[]>;
  nonzero_gaps?: Record<string, Record<string, number[]>>;
}

function readFixture<T>(name: string): T {
  return JSON.parse(gunzipSync(readFileSync(new URL(`../fixtures/ta-lib/${name}`, import.meta.url))).toString('utf8')) as T;
}

function toCase(raw: RawCase, dataset: string): GoldenCase {
  return {
    dataset: raw.dataset ?? dataset,
    function: raw.function,
    label: raw.label,
    params: raw.params,
    inputMap: raw.input_map ?? null,
    begIndex: raw.begIndex,
    nbElement: raw.nbElement,
    outputs: raw.outputs ?? {},
    ...(raw.nonzero_gaps ? { nonzeroGaps: raw.nonzero_gaps } : {}),
  };
}

let cached: GoldenData | null = null;

export function loadGolden(): GoldenData {
  if (cached) return cached;
  const pub = readFixture<{ dataset: Dataset; cases: RawCase[] }>('public.json.gz');
  const ext = readFixture<{ datasets: Record<string, { length: number }>; cases: RawCase[] }>('extended.json.gz');
  const patterns = patternCandles() as Dataset;
  const headLength = ext.datasets['patterns-head']!.length;
  const head = Object.fromEntries(Object.entries(patterns).map(([k, v]) => [k, v.slice(0, headLength)])) as Dataset;
  cached = {
    datasets: { public: pub.dataset, patterns, 'patterns-head': head },
    cases: [...pub.cases.map((c) => toCase(c, 'public')), ...ext.cases.map((c) => toCase(c, 'public'))],
  };
  return cached;
}

/** TA-Lib's values of one output over all T bars: NaN before begIndex. */
export function expectedSeries(c: GoldenCase, output: string, length: number): Float64Array {
  const want = new Float64Array(length).fill(NaN);
  const real = c.outputs[output];
  if (real) {
    real.forEach((v, j) => { want[c.begIndex + j] = v; });
    return want;
  }
  const byValue = c.nonzeroGaps?.[output];
  if (!byValue) throw new Error(`${c.function} ${c.label}: no output ${output}`);
  want.fill(0, c.begIndex);
  for (const [value, gaps] of Object.entries(byValue)) {
    let bar = 0;
    for (const g of gaps) { bar += g; want[bar] = Number(value); }
  }
  return want;
}
