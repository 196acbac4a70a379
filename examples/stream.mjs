// A live feed, replayed: the bundled sample candles pushed one by one into
// an EMA grid, each bar first arriving as a forming candle revised a few
// times (update), then closed. At the end the stream is checked against
// compute() over the same bars, checkpointed and restored.
//
//   node examples/stream.mjs
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { createEngine } from 'ta-grid';

const table = tableFromIPC(readFileSync(new URL('../data/sample-candles.arrow', import.meta.url)));
const col = (name) => Float64Array.from(table.getChild(name).toArray(), Number);
const candles = Object.fromEntries(['ts_open', 'open', 'high', 'low', 'close', 'volume'].map((k) => [k, col(k)]));
const T = candles.ts_open.length, LIVE = 120;
const history = Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v.subarray(0, T - LIVE)]));

const engine = await createEngine();
await engine.warmup();
const grid = { source: ['close', 'hlc3'], window: { start: 5, stop: 200 } };
const stream = await engine.stream({ indicator: 'ma.ema', grid, dtype: 'float64', history });
const show = [{ source: 'close', window: 14 }, { source: 'close', window: 50 }, { source: 'hlc3', window: 200 }].map((p) => [p, stream.indexOf(p)]);
console.log(`ma.ema over ${stream.variants} variants, warmed on ${stream.barsSeen} bars; O(1) per push: ${stream.mode === 'stepped'}; state ${stream.stateBytes} bytes`);

const fmt = (x) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
for (let i = T - LIVE; i < T; i++) {
  const bar = Object.fromEntries(Object.entries(candles).map(([k, v]) => [k, v[i]]));
  // The forming candle: opened at the open, its close moving towards the final one.
  let row = stream.push({ ...bar, high: bar.open, low: bar.open, close: bar.open, volume: 0 });
  for (const f of [0.3, 0.7]) {
    const close = bar.open + (bar.close - bar.open) * f;
    row = stream.update({ ...bar, high: Math.max(bar.open, close), low: Math.min(bar.open, close), close, volume: bar.volume * f });
  }
  row = stream.update(bar);  // the candle closes
  if ((i - (T - LIVE)) % 30 === 0 || i === T - 1) {
    const ema = row.values('ema');
    console.log(`bar ${i}  ${new Date(Number(bar.ts_open)).toISOString()}  ${show.map(([p, v]) => `ema(${p.source},${p.window}) = ${fmt(ema[v])}`).join('   ')}`);
  }
}

// The contract: the last row is compute()'s last row over the same bars, bit for bit.
const batch = await engine.compute({ indicator: 'ma.ema', candles, grid, dtype: 'float64' });
const last = stream.lastRow.values('ema');
const same = last.every((x, v) => Object.is(x, batch.values('ema')[(T - 1) * batch.variants + v]));
console.log(`last row equals compute() over the same ${T} bars, bit for bit: ${same}`);

// Checkpoint, restore, and both go on identically.
const restored = await engine.restoreStream(stream.checkpoint(), { indicator: 'ma.ema' });
const next = { ts_open: candles.ts_open[T - 1] + 60_000, open: candles.close[T - 1], high: candles.close[T - 1] * 1.001, low: candles.close[T - 1] * 0.999, close: candles.close[T - 1], volume: 1 };
const a = stream.push(next).values('ema').slice(), b = restored.push(next).values('ema');
console.log(`restored from a ${stream.checkpoint().length}-byte checkpoint, next bar identical: ${a.every((x, v) => Object.is(x, b[v]))}`);
stream.close();
restored.close();
await engine.close();
if (!same) process.exitCode = 1;
