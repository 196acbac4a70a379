import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { PACKAGE_ROOT } from '../backends/paths.js';
import { createEngine } from '../engine/engine.js';
import type { GridSpec } from '../grid/grid.js';
import type { EngineOptions } from '../runtime/config.js';
import { silentLogger } from '../runtime/logger.js';
import { INDICATORS } from '../registry/index.js';

export const SAMPLE_CANDLES = path.join(PACKAGE_ROOT, 'data', 'sample-candles.arrow');

/** The demo workload: real default-sized grids of the four families. */
const JOBS: { indicator: string; grid: GridSpec; label: string }[] = [
  { indicator: 'ma.sma', grid: { source: ['close', 'hlc3'], window: { start: 5, stop: 200 } }, label: 'source close,hlc3 x window 5..200' },
  { indicator: 'ma.ema', grid: { source: ['close', 'hlc3'], window: { start: 5, stop: 200 } }, label: 'source close,hlc3 x window 5..200' },
  { indicator: 'momentum.rsi', grid: { source: ['close'], window: { start: 2, stop: 100 } }, label: 'source close x window 2..100' },
  { indicator: 'volatility.atr', grid: { window: { start: 1, stop: 100 } }, label: 'window 1..100' },
  { indicator: 'volatility.bbands', grid: {}, label: 'default grid (3 outputs)' },
  { indicator: 'momentum.macd', grid: {}, label: 'default grid (3 outputs)' },
  { indicator: 'trend.adx', grid: {}, label: 'default grid (4 outputs)' },
];

const fmt = (x: number, d = 2) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export async function runDemo(opts: EngineOptions): Promise<void> {
  const table = tableFromIPC(readFileSync(SAMPLE_CANDLES));
  const close = table.getChild('close')!.toArray() as Float64Array;
  const missing = close.filter((x) => Number.isNaN(x)).length;
  const engine = await createEngine({ logger: silentLogger, ...opts });
  try {
    const report = await engine.warmup();
    const out = console.log;
    out(`ta-grid demo: ${table.numRows.toLocaleString('en-US')} one-minute candles from ${path.relative(process.cwd(), SAMPLE_CANDLES) || SAMPLE_CANDLES} (${missing} missing, shown as NaN)`);
    out(`warmup ${fmt(report.warmupSeconds, 3)} s (cache ${report.cacheWasWarm ? 'warm' : 'cold'}: ${report.artifacts.hits} hits, ${report.artifacts.misses} misses, ${report.artifacts.rebuilt} rebuilt): backend ${report.backend} (${report.backendFallback ? 'native unavailable' : `${report.backendBuild} build`}${report.tunedBuild === 'building' ? ', host-tuned build started in the background' : ''}), ${report.numThreadsEffective} worker threads, ${report.kernels.checked} kernels self-tested`);
    out('');
    out(`${pad('indicator', 19)}${pad('grid', 36)}${lpad('variants', 9)}${lpad('values', 12)}${lpad('ms', 9)}${lpad('M values/s', 12)}`);
    const results = [];
    for (const job of JOBS) {
      const r = await engine.compute({ indicator: job.indicator, candles: table, grid: job.grid });
      const values = r.t * r.variants * r.outputs.length;
      out(`${pad(job.indicator, 19)}${pad(job.label, 36)}${lpad(String(r.variants), 9)}${lpad(values.toLocaleString('en-US'), 12)}${lpad(fmt(r.meta.computeMs, 1), 9)}${lpad(fmt(values / r.meta.computeMs / 1000, 0), 12)}`);
      results.push(r);
    }
    const last = table.numRows - 1;
    out('');
    out(`last candle: close ${close[last]}; values there for window 14 (and 200 for the averages):`);
    for (const r of results.slice(0, 4)) {
      const picks = [14, 200].map((w) => ({ w, i: r.indexOf(r.axes[0]!.name === 'source' ? { source: 'close', window: w } : { window: w }) })).filter((p) => p.i >= 0);
      const name = r.outputs[0]!;
      out(`  ${pad(r.indicator, 19)}${picks.map((p) => `${name}(${p.w}) = ${fmt(r.at(name, last, p.i), 4)}`).join('   ')}`);
    }
    const sma = results[0]!;
    const v = sma.indexOf({ source: 'close', window: 20 });
    const nanRun = [11_995, 12_000, 12_014, 12_015, 12_033, 12_034].map((t) => `${t}: ${fmt(sma.at('sma', t, v), 2)}`);
    out(`\n${INDICATORS.length} indicators in all: \`npx ta-grid list\` shows them, docs/indicators.md documents them.`);
    out(`NaN policy: the outage at bars 12000..12014 blanks SMA(20) until a full window follows it -> ${nanRun.join(', ')}`);
  } finally {
    await engine.close();
  }
}
