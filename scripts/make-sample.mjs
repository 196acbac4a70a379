// Writes data/sample-candles.arrow: two weeks of synthetic one-minute candles
// from the generator of the TA-Lib golden fixture (mulberry32, documented in
// test/fixtures/ta-lib/README.md), with a few missing candles (NaN) to show
// the NaN policy. Deterministic: rerunning gives the same bytes.
import { writeFileSync } from 'node:fs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { mulberry32 } from '../bench/common.mjs';

const N = 20_160, seed = 7, p0 = 30_000, sigma = 0.0012, sigmaO = 0.0003, kappa = 0.002, w = 0.0015, S = 100, V = 25;
const u = mulberry32(seed);
const z = () => { let s = 0; for (let i = 0; i < 12; i++) s += u(); return s - 6; };
const q = (x) => Math.round(x * S) / S;
const cols = { ts_open: new BigInt64Array(N), open: new Float64Array(N), high: new Float64Array(N), low: new Float64Array(N), close: new Float64Array(N), volume: new Float64Array(N) };
let prev = p0;
for (let i = 0; i < N; i++) {
  const o = q(prev * (1 + sigmaO * z()));
  const c = q(o * (1 + sigma * z() + kappa * ((p0 - o) / p0)));
  const h = q(Math.max(o, c) * (1 + w * u()));
  const l = q(Math.min(o, c) * (1 - w * u()));
  const v = Math.round(V * (0.2 + 1.6 * u()) * 1000) / 1000;
  cols.ts_open[i] = BigInt(1_735_689_600_000 + 60_000 * i); // 2025-01-01T00:00Z
  prev = c;
  cols.open[i] = o; cols.high[i] = h; cols.low[i] = l; cols.close[i] = c; cols.volume[i] = v;
}
// An exchange outage: 15 missing candles in the second week.
for (let i = 12_000; i < 12_015; i++) for (const k of ['open', 'high', 'low', 'close', 'volume']) cols[k][i] = NaN;
const table = tableFromArrays(cols);
writeFileSync(new URL('../data/sample-candles.arrow', import.meta.url), tableToIPC(table, 'file'));
console.log(`wrote ${N} candles`);
