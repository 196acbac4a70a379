// compute() of the WMA and HMA grids (and two grids of the 'wma' MA type)
// with the builds of several checkouts,
// interleaved call by call, medians of wall and CPU time: how a kernel change
// compares with the build before it (the README's WMA/HMA figures).
//
//   git worktree add ../base <commit> && (cd ../base && npm ci)
//   node bench/builds.mjs --backend wasm --trees base=../base,new=.
//   node bench/builds.mjs --backend native --trees base=../base   # then --trees new=.
//
// Native builds need one process each (two addons loaded in one process
// both run the first one's kernels): time each tree alone, in alternating
// processes, and compare the medians. Options: --runs N (5), --threads N
// (2), --only REGEX (case labels), --tuned (the host-tuned native build),
// --ids a,b,... (the default grid of each id instead of the cases below:
// e.g. the ids whose kernels changed), --alone n,m,... (a lone ma.wma
// window of each length instead).
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { median, workload } from './common.mjs';

const args = process.argv.slice(2);
const arg = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const backend = arg('--backend', 'native');
const runs = Number(arg('--runs', '5'));
const threads = Number(arg('--threads', '2'));
const only = new RegExp(arg('--only', '.'));
const trees = arg('--trees', 'new=.').split(',').map((s) => s.split('='));
if (backend === 'native' && trees.length > 1) console.error('builds: native trees in one process share the first addon loaded; time one tree per process');

const T = 525_600;
const SOURCES = ['close', 'open', 'high', 'low', 'hl2', 'hlc3'];
const CASES = [
  ['ma.wma default (196)', { indicator: 'ma.wma' }],
  ['ma.hma default (196)', { indicator: 'ma.hma' }],
  ['ma.wma 6 sources x 5..200 (1176)', { indicator: 'ma.wma', grid: { source: SOURCES, window: { start: 5, stop: 200 } } }],
  ['ma.wma window 200 alone (1)', { indicator: 'ma.wma', grid: { window: [200] } }],
  // Windows over 256 beside dense ones: the compensated running sums (WmaLanes), with the kernel state's hooks.
  ['ma.wma 5..600 step 5 (120)', { indicator: 'ma.wma', grid: { window: { start: 5, stop: 600, step: 5 } } }],
  // The 'wma' MA type of the matype code (TA_MA's WMA, one lane per variant).
  ['volatility.bbands matype wma, 5..200 (196)', { indicator: 'volatility.bbands', grid: { window: { start: 5, stop: 200 }, mult: [2], matype: ['wma'] } }],
  ['momentum.apo matype wma (90)', { indicator: 'momentum.apo', grid: { matype: ['wma'] } }],
  // A lone TA_MA WMA per average (MACDEXT's fast, slow and signal: --only macdext).
  ['momentum.macdext fast/slow/signal wma (450)', { indicator: 'momentum.macdext', grid: { fast_matype: ['wma'], slow_matype: ['wma'], signal_matype: ['wma'] } }],
].filter(([label]) => only.test(label));
if (args.includes('--ids')) CASES.splice(0, CASES.length, ...arg('--ids', '').split(',').map((id) => [`${id} default`, { indicator: id }]));
// --alone 2,50,200,500: a lone ma.wma window of each length instead (the cost of one window by its length).
if (args.includes('--alone')) CASES.splice(0, CASES.length, ...arg('--alone', '').split(',').map((n) => [`ma.wma window ${n} alone (1)`, { indicator: 'ma.wma', grid: { window: [Number(n)] } }]));

const candles = workload(T, 42);
const cache = mkdtempSync(path.join(os.tmpdir(), 'ta-grid-builds-'));
const engines = {};
for (const [name, dir] of trees) {
  const { createEngine } = await import(path.resolve(dir, 'dist/index.js'));
  const { silentLogger } = await import(path.resolve(dir, 'dist/runtime/logger.js'));
  engines[name] = await createEngine({ backend, numThreads: threads, cacheDir: path.join(cache, name), nativeBuild: args.includes('--tuned') ? 'wait' : 'off', logger: silentLogger, env: {} });
  await engines[name].warmup();
}
// One output buffer for every case, as large as the largest (MACDEXT: 450 variants x 3 outputs).
const sizing = engines[trees[0][0]];
const out = new SharedArrayBuffer(Math.max(...CASES.map(([, request]) => sizing.estimate({ ...request, candles }).bytesOut)));
for (const [label, request] of CASES) {
  const wall = Object.fromEntries(trees.map(([n]) => [n, []]));
  const cpu = Object.fromEntries(trees.map(([n]) => [n, []]));
  // Run 0 warms each build; the order alternates so neither always goes first.
  for (let i = 0; i <= runs; i++) {
    for (const [n] of i % 2 ? [...trees].reverse() : trees) {
      const t0 = performance.now(), c0 = process.cpuUsage();
      await engines[n].compute({ ...request, candles, out });
      const c1 = process.cpuUsage(c0);
      if (i > 0) {
        wall[n].push(performance.now() - t0);
        cpu[n].push((c1.user + c1.system) / 1000);
      }
    }
  }
  const first = trees[0][0];
  const cell = (times, n) => `${n} ${median(times[n]).toFixed(1)} ms (${(median(times[n]) / median(times[first])).toFixed(2)}x)`;
  console.log(`${backend} ${label}: wall ${trees.map(([n]) => cell(wall, n)).join(', ')} | CPU ${trees.map(([n]) => cell(cpu, n)).join(', ')}`);
}
for (const e of Object.values(engines)) await e.close();
