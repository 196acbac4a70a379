// How long push() takes to reach its steady speed after a history that went
// through the kernels (the stream bench times pushes after 5,000 warm-up
// pushes for this reason): median push per block of 1,000 pushes after a
// history of 10,000 bars, default grids, native backend.
//   node bench/stream-warmup.mjs [id ...]   (default: ma.vwma trend.ichimoku)
import { createEngine, listIndicators } from '../dist/index.js';
import { silentLogger } from '../dist/runtime/logger.js';

const ids = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['ma.vwma', 'trend.ichimoku'];
const history = 10_000, blocks = 8, block = 1_000, T = history + blocks * block;
const close = Float64Array.from({ length: T }, (_, i) => 100 + 10 * Math.sin(i / 50) + (i % 7) * 0.3);
const candles = {
  ts_open: Float64Array.from({ length: T }, (_, i) => i), open: close, high: close.map((x) => x + 1),
  low: close.map((x) => x - 1), close, volume: close.map((_, i) => 1 + (i % 5)),
};
const upTo = (n) => Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.subarray(0, n)]));
const engine = await createEngine({ backend: 'native', nativeBuild: 'off', logger: silentLogger });
for (const id of ids) {
  // Outputs that look ahead cannot be streamed (trend.ichimoku's lagging).
  const outputs = listIndicators().find((i) => i.id === id).outputs.filter((o) => !o.looksAhead).map((o) => o.name);
  const s = await engine.stream({ indicator: id, outputs, history: upTo(history) });
  const medians = [];
  for (let b = 0; b < blocks; b++) {
    const us = [];
    for (let t = history + b * block; t < history + (b + 1) * block; t++) {
      const bar = { ts_open: t, open: close[t], high: close[t] + 1, low: close[t] - 1, close: close[t], volume: candles.volume[t] };
      const t0 = process.hrtime.bigint();
      s.push(bar);
      us.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    us.sort((a, b) => a - b);
    medians.push(us[block / 2].toFixed(2));
  }
  console.log(`${id} (batch route ${s.batchRoute}): median push µs per block of ${block} pushes: ${medians.join(' ')}`);
  s.close();
}
await engine.close();
