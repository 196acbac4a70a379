// The extended TA-Lib fixture (scripts/talib-golden.mjs) is only as good as
// its candles: they must be the ones regenerated from the committed generator,
// and they must trigger every candlestick pattern.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { patternCandles } from '../scripts/talib-golden/datasets.mjs';
import { PATTERNS } from '../scripts/talib-golden/cases.mjs';
import { datasetDigest } from '../scripts/talib-golden.mjs';

interface ExtendedFile {
  datasets: Record<string, { length: number; sha256: string }>;
  pattern_hits: Record<string, { positive: number; negative: number }>;
  cases: { dataset: string; function: string; label: string; begIndex: number; nbElement: number; outputs?: Record<string, number[]>; nonzero_gaps?: Record<string, Record<string, number[]>> }[];
}

const file = JSON.parse(gunzipSync(readFileSync(new URL('./fixtures/ta-lib/extended.json.gz', import.meta.url))).toString('utf8')) as ExtendedFile;

describe('extended TA-Lib fixture', () => {
  it('holds the candles the generator makes, bit for bit', () => {
    const candles = patternCandles() as Record<string, number[]>;
    expect(candles.close!.length).toBe(file.datasets.patterns!.length);
    expect(datasetDigest(candles)).toBe(file.datasets.patterns!.sha256);
    const head = Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.slice(0, file.datasets['patterns-head']!.length)]));
    expect(datasetDigest(head)).toBe(file.datasets['patterns-head']!.sha256);
  });

  it('has bars that are valid candles, with flat bars and opening gaps among them', () => {
    const c = patternCandles() as Record<'open' | 'high' | 'low' | 'close', number[]>;
    let flat = 0, gaps = 0, invalid = 0;
    for (let i = 0; i < c.close.length; i++) {
      if (!(c.high[i]! >= Math.max(c.open[i]!, c.close[i]!) && c.low[i]! <= Math.min(c.open[i]!, c.close[i]!) && c.low[i]! > 0)) invalid++;
      if (c.open[i] === c.high[i] && c.high[i] === c.low[i] && c.low[i] === c.close[i]) flat++;
      if (i > 0 && (c.low[i]! > c.high[i - 1]! || c.high[i]! < c.low[i - 1]!)) gaps++;
    }
    expect(invalid).toBe(0);
    expect(flat).toBeGreaterThan(100);
    expect(gaps).toBeGreaterThan(100);
  });

  it('triggers every candlestick pattern at least twice', () => {
    expect(PATTERNS).toHaveLength(61);
    for (const p of PATTERNS as string[]) {
      const h = file.pattern_hits[p]!;
      expect(h.positive + h.negative, p).toBeGreaterThanOrEqual(2);
    }
  });

  it('stores each pattern case consistently with its hit count', () => {
    for (const c of file.cases.filter((x) => x.dataset === 'patterns' && x.nonzero_gaps)) {
      const [byValue] = Object.values(c.nonzero_gaps!);
      let positive = 0, negative = 0;
      for (const [value, gaps] of Object.entries(byValue!)) {
        let bar = 0, before = 0;
        for (const g of gaps) {
          bar += g;
          if (bar < c.begIndex || g <= 0) before++;
        }
        expect(before, `${c.function} ${c.label}`).toBe(0);
        if (Number(value) > 0) positive += gaps.length;
        else negative += gaps.length;
      }
      const key = c.label === 'default' ? c.function : `${c.function} ${c.label}`;
      expect({ positive, negative }).toEqual(file.pattern_hits[key]);
    }
  });
});
