// Seeded property test: random indicators, grids, lengths and NaN patterns
// (including NaN in a single column), native = wasm = reference; plus the
// corpus of worst cases in test/fixtures/fuzz-corpus.json.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { listIndicators, type IndicatorInfo } from '../dist/index.js';
import { closeEngines, derived, engineFor, inputName, firstMismatch, rng, syntheticCandles, allowedGrids } from './helpers.js';
import { referenceArgs } from './reference/common.js';
import { REFERENCES } from './reference/index.js';

afterAll(closeEngines);

const SOURCES = ['open', 'high', 'low', 'close', 'volume', 'hl2', 'hlc3', 'ohlc4', 'hlcc4'];
type Pattern = 'none' | 'holes' | 'one-column' | 'long-gaps' | 'all-nan' | 'alternating' | 'flat';

interface FuzzCase { indicator: string; t: number; seed: number; pattern: Pattern; scale: number; grid?: Record<string, unknown> }

function makeCandles(c: FuzzCase) {
  const candles = syntheticCandles({ t: c.t, seed: c.seed, scale: c.scale, flat: c.pattern === 'flat' ? 25 : 0, holes: c.pattern === 'holes' ? 0.03 : 0 });
  const r = rng(c.seed ^ 0x5bd1e995);
  const cols = ['open', 'high', 'low', 'close', 'volume'] as const;
  const blank = (i: number, which: readonly (typeof cols)[number][]) => which.forEach((k) => { candles[k][i] = NaN; });
  for (let i = 0; i < c.t; i++) {
    if (c.pattern === 'all-nan') blank(i, cols);
    else if (c.pattern === 'alternating' && i % 2 === 1) blank(i, cols);
    else if (c.pattern === 'one-column' && r() < 0.05) blank(i, [cols[Math.floor(r() * cols.length)]!]);
    else if (c.pattern === 'long-gaps' && i % 97 >= 80) blank(i, cols);
  }
  return candles;
}

function randomGrid(info: IndicatorInfo, r: () => number, t: number) {
  const grid: Record<string, unknown> = {};
  for (const a of info.axes) {
    if (a.kind === 'source') grid[a.name] = [SOURCES[Math.floor(r() * SOURCES.length)]];
    else if (a.kind === 'choice') grid[a.name] = [a.values![Math.floor(r() * a.values!.length)]];
    else if (a.kind === 'int') {
      const hi = Math.max(a.min!, Math.min(a.max!, t, a.min! + 60));
      grid[a.name] = [...new Set([a.min! + Math.floor(r() * (hi - a.min! + 1)), hi])];
    } else grid[a.name] = [Math.round((a.min! + r() * (Math.min(a.max!, a.min! + 5) - a.min!)) * 100) / 100];
  }
  return grid;
}

async function check(given: FuzzCase) {
  const info = listIndicators().find((i) => i.id === given.indicator)!;
  // Int params are bar lengths, so the series is at least as long as every axis minimum.
  const c = { ...given, t: Math.max(given.t, ...info.axes.filter((a) => a.kind === 'int').map((a) => a.min!)) };
  const candles = makeCandles(c);
  // A random pick may break a grid constraint (APO's seed 'first' with matype 'sma'): keep one allowed part.
  const parts = allowedGrids(info, c.grid ?? randomGrid(info, rng(c.seed), c.t));
  const grid = parts[c.seed % parts.length]!;
  const [native, wasm] = [await engineFor('native'), await engineFor('wasm')];
  const a = await native.compute({ indicator: c.indicator, candles, grid: grid as never, dtype: 'float64', layout: 'variant-major' });
  const b = await wasm.compute({ indicator: c.indicator, candles, grid: grid as never, dtype: 'float64' });
  for (let v = 0; v < a.variants; v++) {
    const params = a.variant(v);
    const inputs = info.inputs.map((i) => derived(candles, inputName(i, params)));
    const ref = REFERENCES[c.indicator]!(inputs, ...referenceArgs(params));
    const scale = Math.max(1e-300, ...inputs.flatMap((x) => Array.from(x).filter(Number.isFinite).map(Math.abs)));
    info.outputs.forEach((o, k) => {
      const ctx = `${JSON.stringify(c)} ${JSON.stringify(params)} ${o.name}`;
      const outScale = Math.max(1e-300, ...Array.from(ref[k]!).filter(Number.isFinite).map(Math.abs));
      let at = firstMismatch(a.series(o.name, v), b.series(o.name, v), 1e-12, 1e-12 * outScale);
      expect(at, `${ctx}: native vs wasm at bar ${at}`).toBe(-1);
      at = firstMismatch(a.series(o.name, v), ref[k]!, 1e-9, 1e-9 * Math.max(outScale, scale));
      expect(at, `${ctx}: native ${a.series(o.name, v)[at]} vs reference ${ref[k]![at]} at bar ${at}`).toBe(-1);
    });
  }
}

describe('fuzz', () => {
  const r = rng(20261123);
  const ids = listIndicators().filter((i) => !i.aliasOf).map((i) => i.id);
  const patterns: Pattern[] = ['none', 'holes', 'one-column', 'long-gaps', 'all-nan', 'alternating', 'flat'];
  const cases: FuzzCase[] = Array.from({ length: 120 }, (_, n) => ({
    indicator: ids[Math.floor(r() * ids.length)]!,
    t: [1, 2, 3, 17, 64, 300, 1500][Math.floor(r() * 7)]!,
    seed: 1000 + n,
    pattern: patterns[Math.floor(r() * patterns.length)]!,
    scale: [1e-6, 1, 100, 3e4, 1e9][Math.floor(r() * 5)]!,
  }));
  it.each(cases.map((c) => [`${c.indicator} t=${c.t} ${c.pattern} scale=${c.scale}`, c] as const))('%s', async (_n, c) => check(c));

  const corpus = JSON.parse(readFileSync(new URL('./fixtures/fuzz-corpus.json', import.meta.url), 'utf8')) as { why: string; case: FuzzCase }[];
  it.each(corpus.map((k) => [`corpus: ${k.why}`, k.case] as const))('%s', async (_n, c) => check(c));
});
