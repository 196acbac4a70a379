// Renders the README's performance section from `npm run bench -- --json`
// reports: node scripts/bench-table.mjs report.json [more.json ...]; a suite
// in a later report replaces the same suite of an earlier one.
import { readFileSync } from 'node:fs';
import { machineLine } from '../bench/common.mjs';

const reports = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
const r = { ...reports[0], suites: Object.assign({}, ...reports.map((x) => x.suites)) };
const f = (x, d = 0) => (x === null || x === undefined ? '' : Number(x).toFixed(d));
const lines = [];
lines.push(`Machine: ${machineLine(r.machine)}; builds: ${Object.entries(r.build ?? {}).map(([b, k]) => `${b} ${k}`).join(', ')}. T = ${r.t.toLocaleString('en-US')} candles, medians of ${r.runs} runs.`, '');
const g = r.suites.grid;
if (g) {
  lines.push(`**SMA and EMA grids** (6 sources x windows 5..200 = 1176 variants, float32 time-major, one worker thread, output buffer reused). Memory floor: one warm \`Float32Array.prototype.fill\` of the same ${(r.t * 1176 * 4 / 1e9).toFixed(2)} GB = ${f(g.floor.warmMs, 1)} ms; the first touch of a fresh buffer of that size took ${f(g.floor.firstTouchMs)} ms (${f(g.floor.firstTouchMs / g.floor.warmMs)}x, reported apart).`, '');
  lines.push('| case | backend | ms | ns/value | GB/s | x floor |', '|---|---|---:|---:|---:|---:|');
  for (const x of g.rows) lines.push(`| ${x.case} | ${x.backend} | ${f(x.ms)} | ${f(x.nsPerValue, 3)} | ${f(x.gbPerS, 2)} | ${f(x.xFloor, 1)} |`);
  lines.push('');
}
const th = r.suites.threads;
if (th) {
  const ms = (layout, n) => th.rows.find((x) => (x.layout ?? 'time-major') === layout && x.threads === n)?.ms;
  lines.push(`**Thread scaling** (ma.ema, 1176 variants, native): time-major 1 thread ${f(ms('time-major', 1))} ms, 2 threads ${f(ms('time-major', 2))} ms, speedup ${f(th.speedup, 2)}x` + (th.speedupVariantMajor ? `; variant-major 1 thread ${f(ms('variant-major', 1))} ms, 2 threads ${f(ms('variant-major', 2))} ms, speedup ${f(th.speedupVariantMajor, 2)}x.` : '.'), '');
}
const st = r.suites.startup;
if (st?.goal) {
  lines.push(`**Start-up** (\`npm run bench -- --suite startup\`: a fresh process imports ta-grid, warms up with ${st.threads} workers and computes ma.ema, 196 variants x 20,000 candles; medians of ${st.rows[0].runs} processes${st.loadAvg ? `; 1-minute load average ${st.loadAvg.map((l) => l.toFixed(1)).join(' to ')} on ${r.machine.cores} cores` : ''}; goal: cold warmup <= ${st.goal.coldWarmupS} s, warm <= ${st.goal.warmWarmupS} s):`, '');
  lines.push('| build | cache dir | import ms | warmup s | import to first result ms | CPU ms (all threads) |', '|---|---|---:|---:|---:|---:|');
  for (const x of st.rows) lines.push(`| ${x.build} | ${x.start === 'cold' ? 'cold (empty)' : 'warm (filled)'} | ${f(x.importMs)} | ${f(x.warmupS, 3)} | ${f(x.firstResultMs)} | ${f(x.cpuMs)} |`);
  lines.push('');
} else if (st) lines.push(`**Start-up** (new process to first compute done, ma.ema 196 variants x 20,000 candles): cold cache dir ${f(st.rows[0].processMs)} ms (warmup ${f(st.rows[0].warmupS, 3)} s), warm cache dir ${f(st.rows[1].processMs)} ms (warmup ${f(st.rows[1].warmupS, 3)} s).`, '');
const lag = r.suites.lag;
if (lag?.rows) {
  lines.push('**Event-loop lag** during heavy calls (native, 2 workers):', '', '| case | call ms | lag p99 ms | lag max ms | outcome |', '|---|---:|---:|---:|---|');
  for (const x of lag.rows) lines.push(`| ${x.case} | ${f(x.ms)} | ${f(x.p99, 1)} | ${f(x.max, 1)} | ${x.error ? x.error.split(':')[0] : 'ok'} |`);
  lines.push('');
} else if (lag) lines.push(`**Event-loop lag** during a ${f(lag.computeMs)} ms grid compute (ma.ema, 1176 variants, 2 workers, fresh output buffer): p50 ${f(lag.p50, 1)} ms, p99 ${f(lag.p99, 1)} ms, max ${f(lag.max, 1)} ms.`, '');
const ab = r.suites.abort;
if (ab) lines.push(`**Abort latency** (abort() to rejection; every kernel, default grid and largest default windows, a second call queued behind; ${ab.samples} aborts, native, ${ab.threads} workers): p50 ${f(ab.p50, 1)} ms, p99 ${f(ab.p99, 1)} ms, max ${f(ab.max, 1)} ms; queued calls p99 ${f(ab.queuedP99, 1)} ms.`, '');
const rss = r.suites.rss;
if (rss) {
  lines.push('**Peak RSS growth vs estimate** (`bytesTotalEst`; a fresh process per case, native, 2 workers):', '', '| case | variants | estimate MiB | RSS growth MiB | growth / estimate |', '|---|---:|---:|---:|---:|');
  for (const x of rss.rows) lines.push(`| ${x.case} | ${x.variants} | ${f(x.estimate / 2 ** 20)} | ${f(x.growth / 2 ** 20)} | ${f(x.growth / x.estimate, 2)} |`);
  lines.push('');
}
const pr = r.suites.prepared;
if (pr) {
  lines.push('**Single-variant calls on prepared candles** (525,600 candles, `out` reused, median ms):', '', '| indicator | kernel alone | raw columns | prepared |', '|---|---:|---:|---:|');
  for (const x of pr.rows) lines.push(`| ${x.indicator} | ${f(x.kernelMs, 2)} | ${f(x.rawMs, 2)} | ${f(x.preparedMs, 2)} |`);
  lines.push('');
}
const c = r.suites.catalogue;
if (c) {
  lines.push(`**Catalogue** (every indicator's default grid, float32 time-major, native on ${c.threads} threads, output buffer reused; wasm beside it). "x floor" divides by one warm fill of the same output. Peers loop single calls over plain Arrays (${c.peers.map((p) => `${p.name} ${p.version ?? 'missing'}`).join(', ')}), timed on 3 variants of the grid and scaled to it, outputs checked against ours first; the peer columns are how many times longer the peer takes.`, '');
  lines.push('| indicator | variants | ms | ns/value | variants/s | GB/s | x floor | wasm ms | talib | tulind | technicalindicators |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const peer = (x, n) => { const p = x.peers[n]; return !p ? '' : p.status === 'ok' ? `${f(p.ratio)}x` : p.status.split(' ')[0]; };
  for (const x of c.rows) lines.push(`| \`${x.case}\` | ${x.variants} | ${f(x.ms)} | ${f(x.nsPerValue, 3)} | ${f(x.variantsPerS)} | ${f(x.gbPerS, 2)} | ${f(x.xFloor, 1)} | ${f(x.wasmMs)} | ${peer(x, 'talib')} | ${peer(x, 'tulind')} | ${peer(x, 'technicalindicators')} |`);
}
console.log(lines.join('\n'));
