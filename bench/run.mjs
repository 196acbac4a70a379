#!/usr/bin/env node
// ta-grid benchmarks: `npm run bench [-- --quick] [-- --json] [-- --suite catalogue,grid,threads,plain,startup,lag,abort,rss,prepared,cluster,wasm,stream]
//   [-- --only REGEX] [-- --runs N] [-- --samples] [-- --compare baseline.json [--threshold 15]]`.
// --samples: the stream suite also prints every timed pair of pushMany() and compute().
// Every figure is a median of several runs in this process, measured side by
// side with the memory floor (writing the same output once into a touched buffer).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Bench } from 'tinybench';
import { readFileSync } from 'node:fs';
import { createEngine, listIndicators } from '../dist/index.js';
import { TILE_BYTES } from '../dist/backends/wasm.js';
import { abortSuite, lagSuite, preparedSuite, rssSuite } from './calls.mjs';
import { streamSuite } from './stream.mjs';
import { compareReports, formatComparison } from './compare.mjs';
import { loadPeers } from './peers.mjs';
import { silentLogger } from '../dist/runtime/logger.js';
import { cpuPathMs, machine, machineLine, median, memoryFloor, threadCpuMs, workload } from './common.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const suiteArg = args.find((a) => a.startsWith('--suite='))?.slice(8) ?? (args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined);
const suites = new Set((suiteArg ?? 'catalogue,grid,threads,plain,startup,lag').split(','));
const compareWith = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined;
const threshold = args.includes('--threshold') ? Number(args[args.indexOf('--threshold') + 1]) : 15;
const only = args.includes('--only') ? new RegExp(args[args.indexOf('--only') + 1]) : null;
const T = quick ? 131_400 : 525_600;
const RUNS = args.includes('--runs') ? Math.max(1, Math.floor(Number(args[args.indexOf('--runs') + 1])) || 1) : quick ? 2 : 5;
const SOURCES = ['close', 'open', 'high', 'low', 'hl2', 'hlc3'];
const GRID = { source: SOURCES, window: { start: 5, stop: 200 } }; // 6 x 196 = 1176 variants
const log = (...a) => { if (!json) console.log(...a); };

const report = { machine: machine(), t: T, quick, runs: RUNS, suites: {} };
log(`ta-grid bench${quick ? ' --quick' : ''}: ${machineLine(report.machine)}`);
log(`workload: seeded random walk, T = ${T.toLocaleString('en-US')} candles, medians of ${RUNS} runs\n`);
const SEED = 42;
const candles = workload(T, SEED);
const execFileAsync = promisify(execFile);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ta-grid-bench-'));

/**
 * Engines warm up the way a service does: the first one builds the
 * host-tuned addon into the run's cache dir (as `ta-grid warmup` would in a
 * deploy step), the rest load it. --portable measures the installed build.
 */
async function engineWith(backend, numThreads, extra = {}) {
  const nativeBuild = args.includes('--portable') ? 'off' : 'wait';
  const e = await createEngine({ backend, numThreads, cacheDir: path.join(tmp, 'cache'), nativeBuild, logger: silentLogger, env: {}, ...extra });
  const w = await e.warmup();
  report.build ??= {};
  report.build[backend] = w.backendBuild;
  return e;
}

/**
 * Every indicator's default grid, native on every core and (full run) wasm,
 * beside the memory floor for the same output and a loop of single calls of
 * each peer library (timed on a few variants, scaled to the grid).
 */
async function catalogueSuite() {
  const threads = os.availableParallelism();
  const native = await engineWith('native', threads);
  const wasm = quick ? null : await engineWith('wasm', threads);
  const peers = loadPeers();
  const infos = listIndicators().filter((i) => !i.aliasOf && (!only || only.test(i.id)));
  const sizes = infos.map((i) => native.estimate({ indicator: i.id, t: T }).bytesOut);
  const out = new SharedArrayBuffer(Math.max(...sizes));
  new Float32Array(out).fill(0);
  const rows = [];
  for (const info of infos) {
    const est = native.estimate({ indicator: info.id, t: T });
    const floorView = new Float32Array(out, 0, est.bytesOut / 4);
    const floorMs = await timeItSync(() => floorView.fill(Math.random()), RUNS);
    const values = est.bytesOut / 4;
    const backends = [['native', native], ...(wasm ? [['wasm', wasm]] : [])];
    const mine = {};
    for (const [backend, engine] of backends) {
      const times = [];
      let result;
      for (let i = 0; i < (backend === 'wasm' ? 1 : RUNS) + 1; i++) {
        const t0 = performance.now();
        result = await engine.compute({ indicator: info.id, candles, out });
        if (i > 0) times.push(performance.now() - t0);
      }
      mine[backend] = { ms: median(times), result };
    }
    const row = {
      case: info.id, backend: 'native', threads, variants: est.variants, ms: mine.native.ms, nsPerValue: (mine.native.ms * 1e6) / values,
      variantsPerS: est.variants / (mine.native.ms / 1000), gbPerS: est.bytesOut / mine.native.ms / 1e6, floorMs, xFloor: mine.native.ms / floorMs,
      wasmMs: mine.wasm?.ms ?? null, peers: {},
    };
    const talibName = /^TA-Lib (\w+)/.exec(info.convention)?.[1];
    const windowOnly = info.axes.some((a) => a.name === 'window') && info.axes.every((a) => a.kind === 'source' || a.kind === 'choice' || a.name === 'window');
    if (talibName && windowOnly) {
      const res = mine.native.result;
      const picks = [0, res.variants >> 1, res.variants - 1].map((v) => ({ v, window: res.variant(v).window }));
      for (const peer of peers) {
        if (peer.missing) { row.peers[peer.name] = { status: 'missing' }; continue; }
        if (!peer.supports(talibName)) continue;
        let measured;
        try {
          const arg = JSON.stringify({ peer: peer.name, fn: talibName, periods: picks.map((p) => p.window), t: T, seed: SEED });
          measured = JSON.parse((await execFileAsync(process.execPath, [new URL('./peer-run.mjs', import.meta.url).pathname, arg], { maxBuffer: 1 << 20 })).stdout);
        } catch (e) {
          row.peers[peer.name] = { status: `crashed (${e.signal ?? `exit code ${e.code}`})` };
          continue;
        }
        let status = 'ok';
        picks.forEach(({ v }, k) => {
          const ours = res.at(res.outputs[0], T - 1, v), theirs = measured.last[k];
          if (!(Math.abs(ours - theirs) <= 1e-4 * Math.max(1, Math.abs(theirs)))) status = `differs (last value ${theirs} vs ${ours})`;
        });
        const gridMs = (measured.times.reduce((a, b) => a + b, 0) / measured.times.length) * est.variants;
        row.peers[peer.name] = { status, gridMs, ratio: gridMs / row.ms, sampledVariants: picks.length };
      }
    }
    rows.push(row);
    if (!json) process.stdout.write('.');
  }
  await native.close();
  await wasm?.close();
  report.suites.catalogue = { threads, peers: peers.map((p) => ({ name: p.name, version: p.version, missing: p.missing })), rows };
  log(`\ncatalogue: default grid of every indicator, float32 time-major, native on ${threads} threads${wasm ? ' (wasm beside it)' : ''}, output buffer reused; peers loop single calls (timed on 3 variants, scaled to the grid, outputs checked)`);
  log(`peers: ${peers.map((p) => `${p.name} ${p.version ?? `missing (${p.missing})`}`).join(', ')}`);
  const peerCell = (r, name) => { const p = r.peers[name]; return !p ? '' : p.status === 'ok' ? `${p.ratio.toFixed(0)}x` : p.status.split(' ')[0]; };
  log(table(['indicator', 'variants', 'ms', 'ns/value', 'variants/s', 'GB/s', 'x floor', ...(wasm ? ['wasm ms'] : []), 'talib', 'tulind', 'techind'],
    rows.map((r) => [r.case, r.variants, r.ms.toFixed(0), r.nsPerValue.toFixed(3), r.variantsPerS.toFixed(0), r.gbPerS.toFixed(2), r.xFloor.toFixed(1), ...(wasm ? [r.wasmMs.toFixed(0)] : []), peerCell(r, 'talib'), peerCell(r, 'tulind'), peerCell(r, 'technicalindicators')])));
}

/**
 * The wasm backend beside native, same threads, the two interleaved call by
 * call so load hits them alike: the SMA and EMA grids on 1 and 2 threads,
 * then every indicator's default grid on every core. Ratios are wasm / native.
 */
async function wasmSuite() {
  const cores = os.availableParallelism();
  const infos = listIndicators().filter((i) => !i.aliasOf && (!only || only.test(i.id)));
  const engines = { native: await engineWith('native', cores), wasm: await engineWith('wasm', cores) };
  // One reused buffer, as large as the largest request (the headline grids or a default grid).
  const sizes = [T * 1176 * 4, ...infos.map((i) => engines.native.estimate({ indicator: i.id, t: T }).bytesOut)];
  const out = new SharedArrayBuffer(Math.max(...sizes));
  new Float32Array(out).fill(0);
  const sideBySide = async (engines, request) => {
    const times = { native: [], wasm: [] };
    for (let i = 0; i <= RUNS; i++) {
      for (const backend of ['native', 'wasm']) {
        const t0 = performance.now();
        await engines[backend].compute({ ...request, candles, out });
        if (i > 0) times[backend].push(performance.now() - t0);
      }
    }
    const native = median(times.native), wasm = median(times.wasm);
    return { native, wasm, ratio: wasm / native };
  };
  const grid = [];
  const headline = ['ma.sma', 'ma.ema'].filter((id) => !only || only.test(id));  // --only narrows these too
  for (const threads of headline.length > 0 ? [...new Set([1, Math.min(2, cores)])] : []) {
    const pair = { native: await engineWith('native', threads), wasm: await engineWith('wasm', threads) };
    for (const indicator of headline) grid.push({ case: indicator, threads, ...(await sideBySide(pair, { indicator, grid: GRID })) });
    for (const e of Object.values(pair)) await e.close();
  }
  const catalogue = [];
  for (const info of infos) {
    catalogue.push({ case: info.id, threads: cores, ...(await sideBySide(engines, { indicator: info.id })) });
    if (!json) process.stdout.write('.');
  }
  const floor = await tileCopyFloor(engines.native, 'momentum.mom', out);
  for (const e of Object.values(engines)) await e.close();
  const worst = [...catalogue].sort((a, b) => b.ratio - a.ratio);
  report.suites.wasm = { grid, catalogue, worst: worst.slice(0, 5).map((r) => r.case), over: worst.filter((r) => r.ratio > 2.5).map((r) => r.case), floor };
  log(`\nwasm beside native: float32 time-major, output buffer reused, the two backends interleaved call by call, medians of ${RUNS}`);
  log(table(['case', 'threads', 'native ms', 'wasm ms', 'wasm / native'], grid.map((r) => [r.case, r.threads, r.native.toFixed(0), r.wasm.toFixed(0), r.ratio.toFixed(2)])));
  log(`\ndefault grid of every indicator, ${cores} threads, worst first`);
  log(table(['indicator', 'native ms', 'wasm ms', 'wasm / native'], worst.map((r) => [r.case, r.native.toFixed(1), r.wasm.toFixed(1), r.ratio.toFixed(2)])));
  log(`\nfloor of a memory-bound kernel on wasm (${floor.case}): its output copied in tiles of ${TILE_BYTES >> 10} KiB, alone, ${floor.copy.toFixed(1)} ms = ${floor.ratio.toFixed(2)} x native's whole compute (${floor.native.toFixed(1)} ms)`);
}

/**
 * What no wasm kernel can go below: its output leaves wasm memory in tiles
 * copied by the host (src/backends/wasm.ts), a copy native does not make.
 * Timed alone for one indicator's default grid (tiles of whole rows, one
 * TypedArray.set each, as a chunk of one block is copied), interleaved with
 * native's compute of the same grid into the same buffer.
 */
async function tileCopyFloor(native, indicator, out) {
  const bytes = native.estimate({ indicator, t: T }).bytesOut;
  const tile = new Float32Array(new ArrayBuffer(TILE_BYTES)).fill(1);
  const dest = new Float32Array(out, 0, bytes / 4);
  const copy = () => { for (let at = 0; at < dest.length; at += tile.length) dest.set(at + tile.length <= dest.length ? tile : tile.subarray(0, dest.length - at), at); };
  const times = { native: [], copy: [] };
  for (let i = 0; i <= RUNS; i++) {
    let t0 = performance.now();
    await native.compute({ indicator, candles, out });
    if (i > 0) times.native.push(performance.now() - t0);
    t0 = performance.now();
    copy();
    if (i > 0) times.copy.push(performance.now() - t0);
  }
  const nativeMs = median(times.native), copyMs = median(times.copy);
  return { case: indicator, native: nativeMs, copy: copyMs, ratio: copyMs / nativeMs };
}

async function timeItSync(fn, runs) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); fn(); times.push(performance.now() - t0); }
  return median(times);
}

/** A tinybench task per case; `out` is reused, so the figures exclude first-touch page faults. */
async function gridSuite() {
  const rows = [];
  const bytes = T * 1176 * 4;
  const floor = await memoryFloor(bytes, RUNS);
  const out = new SharedArrayBuffer(bytes);
  new Float32Array(out).fill(0);
  const bench = new Bench({ iterations: RUNS, time: 0, warmupIterations: 1, warmupTime: 0, throws: true });
  const engines = {};
  for (const backend of ['native', 'wasm']) {
    engines[backend] = await engineWith(backend, 1);
    for (const indicator of ['ma.sma', 'ma.ema']) {
      bench.add(`${indicator} ${backend}`, async () => { await engines[backend].compute({ indicator, candles, grid: GRID, out }); });
    }
  }
  await bench.run();
  for (const task of bench.tasks) {
    const [indicator, backend] = task.name.split(' ');
    const ms = task.result.latency.p50;
    const values = T * 1176;
    rows.push({ case: indicator, backend, threads: 1, variants: 1176, ms, nsPerValue: (ms * 1e6) / values, gbPerS: bytes / ms / 1e6, xFloor: ms / floor.warmMs });
  }
  for (const e of Object.values(engines)) await e.close();
  report.suites.grid = { floor, rows };
  log(`grid: 6 sources x windows 5..200 = 1176 variants, float32 time-major, one worker thread, output buffer reused`);
  log(`memory floor: warm write ${floor.warmMs.toFixed(1)} ms for ${(bytes / 1e9).toFixed(2)} GB (${(bytes / floor.warmMs / 1e6).toFixed(1)} GB/s); first touch of a fresh buffer ${floor.firstTouchMs.toFixed(0)} ms (${(floor.firstTouchMs / floor.warmMs).toFixed(0)}x, reported apart)`);
  log(table(['case', 'backend', 'threads', 'median ms', 'ns/value', 'GB/s', 'x floor'], rows.map((r) => [r.case, r.backend, r.threads, r.ms.toFixed(0), r.nsPerValue.toFixed(3), r.gbPerS.toFixed(2), r.xFloor.toFixed(1)])));
}

async function threadsSuite() {
  const bytes = T * 1176 * 4;
  const out = new SharedArrayBuffer(bytes);
  new Float32Array(out).fill(0);
  const rows = [];
  // Time-major rows are written with streaming stores and end up bound by
  // memory bandwidth; variant-major keeps the grid compute-bound.
  for (const layout of ['time-major', 'variant-major']) {
    for (const threads of [1, 2]) {
      const e = await engineWith('native', threads);
      const times = [];
      await e.compute({ indicator: 'ma.ema', candles, grid: GRID, out, layout });
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await e.compute({ indicator: 'ma.ema', candles, grid: GRID, out, layout });
        times.push(performance.now() - t0);
      }
      rows.push({ case: `ma.ema ${layout}`, layout, threads, ms: median(times) });
      await e.close();
    }
  }
  const speedup = (layout) => rows.find((r) => r.layout === layout && r.threads === 1).ms / rows.find((r) => r.layout === layout && r.threads === 2).ms;
  report.suites.threads = { rows, speedup: speedup('time-major'), speedupVariantMajor: speedup('variant-major') };
  log(`\nthread scaling: ma.ema, 1176 variants, native, output buffer reused`);
  log(table(['layout', 'threads', 'median ms', 'speedup'], rows.map((r) => [r.layout, r.threads, r.ms.toFixed(0), speedup(r.layout) && r.threads === 2 ? speedup(r.layout).toFixed(2) : '1.00'])));
}

/**
 * The call a service makes: `await engine.compute(request)` with default
 * options and a fresh output each time, beside the same call writing into a
 * reused `out` and the same call whose result is released after use. The
 * three run interleaved, round by round, so load on a shared machine hits
 * them alike; page faults and CPU seconds (all threads of this process) per
 * call are reported beside the wall time, since they do not depend on load,
 * and so is the CPU-time critical path (main thread + busiest worker), whose
 * 1 -> 2 thread ratio is the scaling idle cores would show.
 * Both engines get a memory budget of 1.4 outputs, so dropped outputs are
 * reclaimed before each fresh one and the suite (three engines' worth of
 * output at once) fits beside other work on a 24 GiB machine. Before them, a
 * third engine warms up with reserveOutputBytes set to the output size and
 * makes one plain call: the first call after warmup, beside the plain
 * engine's first call (no reserve).
 */
async function plainSuite() {
  const bytes = T * 1176 * 4;
  const out = new SharedArrayBuffer(bytes);
  new Float32Array(out).fill(0);
  const usage = async (fn) => {
    const u0 = process.resourceUsage(), c0 = threadCpuMs(), t0 = performance.now();
    await fn();
    const ms = performance.now() - t0, u1 = process.resourceUsage(), c1 = threadCpuMs();
    return {
      ms, faults: u1.minorPageFault - u0.minorPageFault, cpuMs: (u1.userCPUTime - u0.userCPUTime + u1.systemCPUTime - u0.systemCPUTime) / 1000,
      pathMs: cpuPathMs(c0, c1),
    };
  };
  // 'plain' runs on an engine of its own that never sees a release, so its
  // output is always fresh; 'out' and 'released' share the other engine.
  const calls = {
    out: (e, req) => e.compute({ ...req, out }),
    plain: (e, req, plainEngine) => plainEngine.compute(req),
    released: async (e, req) => { (await e.compute(req)).release(); },
  };
  const cases = [
    ...['native', 'wasm'].flatMap((backend) => [1, 2].map((threads) => ({ backend, threads, indicator: 'ma.sma', layout: 'time-major' }))),
    ...[1, 2].map((threads) => ({ backend: 'native', threads, indicator: 'ma.ema', layout: 'variant-major' })),
  ].filter((c) => !only || only.test(`${c.indicator} ${c.layout} ${c.backend}`));
  const rows = [];
  for (const c of cases) {
    const budget = { maxComputeBytesTotal: Math.round(1.4 * bytes) };
    const req = { indicator: c.indicator, candles, grid: GRID, ...(c.layout === 'variant-major' ? { layout: c.layout } : {}) };
    // The first call after a warmup that reserved its output (reserveOutputBytes), on an engine of its own.
    const reserving = await engineWith(c.backend, c.threads, { ...budget, reserveOutputBytes: bytes });
    const firstReserved = await usage(() => reserving.compute(req));
    const reservedWarmupS = reserving.warmupReport.warmupSeconds;
    await reserving.close();
    const e = await engineWith(c.backend, c.threads, budget);
    const plainEngine = await engineWith(c.backend, c.threads, budget);
    const runs = c.backend === 'wasm' ? Math.min(RUNS, 3) : RUNS;
    const seen = Object.fromEntries(Object.keys(calls).map((k) => [k, []]));
    const first = {};
    for (let round = 0; round <= runs; round++) {
      for (const [kind, call] of Object.entries(calls)) {
        const u = await usage(() => call(e, req, plainEngine));
        if (round === 0) first[kind] = u;
        else seen[kind].push(u);
      }
    }
    const med = (kind, k) => median(seen[kind].map((u) => u[k]));
    const row = {
      case: `${c.indicator} ${c.layout}`, ...c, pool: e.outputPool.stats(), plainPool: plainEngine.outputPool.stats(), firstOutMs: first.out.ms, firstPlainMs: first.plain.ms,
      firstReservedMs: firstReserved.ms, firstReservedFaults: firstReserved.faults, firstPlainFaults: first.plain.faults,
      warmupS: plainEngine.warmupReport.warmupSeconds, reservedWarmupS,
    };
    for (const kind of Object.keys(calls)) row[kind] = { ms: med(kind, 'ms'), faults: med(kind, 'faults'), cpuMs: med(kind, 'cpuMs'), pathMs: seen[kind][0].pathMs === null ? null : med(kind, 'pathMs') };
    row.ms = row.plain.ms; // what --compare gates on
    row.plainXOut = row.plain.ms / row.out.ms;
    row.releasedXOut = row.released.ms / row.out.ms;
    rows.push(row);
    await e.close();
    await plainEngine.close();
  }
  const pick = (backend, indicator, threads) => rows.find((r) => r.backend === backend && r.indicator === indicator && r.threads === threads);
  const scaling = (kind, backend, indicator, k = 'ms') => { const a = pick(backend, indicator, 1), b = pick(backend, indicator, 2); return a && b && a[kind][k] !== null ? a[kind][k] / b[kind][k] : null; };
  const x = (v) => (v === null ? 'n/a' : `${v.toFixed(2)}x`);
  const summary = {
    plainScalingEmaVariantMajor: scaling('plain', 'native', 'ma.ema'),
    outScalingEmaVariantMajor: scaling('out', 'native', 'ma.ema'),
    plainScalingSma: scaling('plain', 'native', 'ma.sma'),
    // The same ratios on the CPU-time critical path (main thread + busiest worker): what idle cores would give.
    plainPathScalingEmaVariantMajor: scaling('plain', 'native', 'ma.ema', 'pathMs'),
    outPathScalingEmaVariantMajor: scaling('out', 'native', 'ma.ema', 'pathMs'),
    plainPathScalingSma: scaling('plain', 'native', 'ma.sma', 'pathMs'),
  };
  report.suites.plain = { rows, ...summary };
  const mb = (n) => (n * 4096 / 2 ** 20).toFixed(0);
  log(`\nplain call: ${T.toLocaleString('en-US')} candles x 1176 variants, float32; 'plain' is compute(request) with default options (result dropped; native outputs come from addon memory recycled when a result is collected), 'released' releases each result, 'out' reuses one touched buffer; interleaved, medians; faults in MiB of 4 KiB pages`);
  const path = (v) => (v === null ? 'n/a' : v.toFixed(0));
  log(table(['case', 'backend', 'threads', 'out ms', 'plain ms', 'released ms', 'plain/out', 'released/out', 'plain faults', 'plain cpu ms', 'out cpu ms', 'plain path ms', 'out path ms', 'first out ms', 'first plain ms', 'plain advised GB', 'plain recycled', 'released pool hits'],
    rows.map((r) => [r.case, r.backend, r.threads, r.out.ms.toFixed(0), r.plain.ms.toFixed(0), r.released.ms.toFixed(0), r.plainXOut.toFixed(2), r.releasedXOut.toFixed(2),
      mb(r.plain.faults), r.plain.cpuMs.toFixed(0), r.out.cpuMs.toFixed(0), path(r.plain.pathMs), path(r.out.pathMs), r.firstOutMs.toFixed(0), r.firstPlainMs.toFixed(0), (r.plainPool.advisedBytes / 1e9).toFixed(1), r.plainPool.recycled, r.pool.hits])));
  log('\nfirst plain call after warmup, without and with reserveOutputBytes = the output size (an engine of its own); later plain calls for comparison');
  log(table(['case', 'backend', 'threads', 'warmup s', 'first plain ms', 'first faults', 'warmup s (reserve)', 'first plain ms (reserve)', 'first faults (reserve)', 'later plain ms'],
    rows.map((r) => [r.case, r.backend, r.threads, r.warmupS.toFixed(2), r.firstPlainMs.toFixed(0), mb(r.firstPlainFaults), r.reservedWarmupS.toFixed(2), r.firstReservedMs.toFixed(0), mb(r.firstReservedFaults), r.plain.ms.toFixed(0)])));
  log(`thread scaling of the plain call (native, 1 -> 2 threads): ma.ema variant-major ${x(summary.plainScalingEmaVariantMajor)} (reused out ${x(summary.outScalingEmaVariantMajor)}), ma.sma time-major ${x(summary.plainScalingSma)}`);
  log(`...on the CPU-time critical path (main thread + busiest worker, CPU ms from /proc; less load-dependent than wall time, though other processes still slow memory-bound threads): ma.ema variant-major ${x(summary.plainPathScalingEmaVariantMajor)} (reused out ${x(summary.outPathScalingEmaVariantMajor)}), ma.sma time-major ${x(summary.plainPathScalingSma)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

/**
 * Cold start as a service sees it: a fresh process imports ta-grid, warms up
 * (default threads, the packaged build: prebuild or wasm, no host-tuned
 * build) and computes one grid. "cold" has an empty cache dir, "warm" the
 * one the cold run filled. Medians over fresh processes.
 */
const STARTUP_GOAL = { coldWarmupS: 1, warmWarmupS: 0.3 };

async function startupSuite() {
  const run = promisify(execFile);
  const script = `
    const t0 = performance.now(), c0 = process.cpuUsage();
    const { createEngine } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
    const imported = performance.now() - t0;
    const e = await createEngine({ cacheDir: process.env.CACHE_DIR, backend: process.env.BACKEND, nativeBuild: 'off', logger: { info() {}, warn() {}, error() {}, debug() {} }, env: {} });
    const w = await e.warmup();
    const n = 20000, close = Float64Array.from({ length: n }, (_, i) => 100 + Math.sin(i / 50));
    await e.compute({ indicator: 'ma.ema', candles: { ts_open: Float64Array.from({ length: n }, (_, i) => i), close }, grid: { window: { start: 5, stop: 200 } } });
    const firstResultMs = performance.now() - t0, cpu = process.cpuUsage(c0);
    console.log(JSON.stringify({ importMs: imported, warmupSeconds: w.warmupSeconds, warm: w.cacheWasWarm, backend: w.backend, build: w.backendBuild, firstResultMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
    await e.close();`;
  const once = async (backend, cacheDir) => {
    const t0 = performance.now();
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, CACHE_DIR: cacheDir, BACKEND: backend } });
    const r = { ...JSON.parse(stdout), processMs: performance.now() - t0 };
    if (r.backend !== backend) throw new Error(`startup suite: asked for ${backend}, warmup gave ${r.backend}`);
    return r;
  };
  const rows = [];
  const loadBefore = os.loadavg()[0];
  for (const backend of ['native', 'wasm']) {
    const cold = [], warm = [];
    for (let i = 0; i < Math.max(3, RUNS); i++) {
      const dir = mkdtempSync(path.join(tmp, 'startup-'));
      cold.push(await once(backend, dir));
      warm.push(await once(backend, dir));
      rmSync(dir, { recursive: true, force: true });
    }
    if (cold.some((r) => r.warm) || warm.some((r) => !r.warm)) throw new Error('startup suite: a cold run found a warm cache or a warm run missed it');
    const pick = (xs, k) => median(xs.map((x) => x[k]));
    const build = backend === 'native' ? (cold[0].build === 'packaged' ? 'prebuild' : cold[0].build) : 'wasm';
    for (const [start, xs] of [['cold', cold], ['warm', warm]]) {
      rows.push({ backend, build, start, runs: xs.length, importMs: pick(xs, 'importMs'), warmupS: pick(xs, 'warmupSeconds'), firstResultMs: pick(xs, 'firstResultMs'), cpuMs: pick(xs, 'cpuMs'), processMs: pick(xs, 'processMs') });
    }
  }
  // Start-up is mostly single-threaded work: other jobs on the machine stretch it, so say how busy it was.
  const loadAvg = [loadBefore, os.loadavg()[0]];
  report.suites.startup = { goal: STARTUP_GOAL, threads: os.availableParallelism(), loadAvg, rows };
  log(`\nstart-up: import to first result (ma.ema, 196 variants x 20,000 candles), ${os.availableParallelism()} workers, fresh process each, medians of ${rows[0].runs}; load average ${loadAvg.map((l) => l.toFixed(1)).join(' -> ')}`);
  log(`goal: cold warmup <= ${STARTUP_GOAL.coldWarmupS} s, warm <= ${STARTUP_GOAL.warmWarmupS} s`);
  // CPU time (all threads, import to first result) says how much work a start is, whatever else the machine runs.
  log(table(['build', 'cache dir', 'import ms', 'warmup s', 'import to result ms', 'cpu ms', 'process ms'],
    rows.map((r) => [r.build, r.start === 'cold' ? 'cold (empty)' : 'warm (filled)', r.importMs.toFixed(0), r.warmupS.toFixed(3), r.firstResultMs.toFixed(0), r.cpuMs.toFixed(0), r.processMs.toFixed(0)])));
}

/**
 * ta-grid/cluster on this machine: a redis-server (no persistence) and
 * `ta-grid worker` processes over a store in the run's temp dir. One worker
 * with the engine's threads against a local compute() of the same grid
 * (the cluster's fixed costs: candles and shard files through the store,
 * queue round trips), then job throughput with 1, 2 and 3 single-thread
 * workers. Needs redis-server on PATH; not in the default suite list.
 */
async function clusterSuite() {
  const { spawn, spawnSync } = await import('node:child_process');
  const net = await import('node:net');
  const { createCluster } = await import('../dist/cluster/index.js');
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('bench --suite cluster needs redis-server on PATH (apt-get install redis-server, or docker run -p 6379:6379 redis:7)');
  const tc = quick ? 32_850 : 65_700;
  // Shards of 98 windows of one source: 4 shards for the overhead grid, 12 for throughput.
  // (Narrower time-major shards cost kernel time: see docs/cluster.md.)
  const grid = { source: ['close', 'hlc3'], window: { start: 5, stop: 200 } }; // 392 variants
  const variants = 392;
  const bytes = tc * variants * 4;
  const shardBytes = 98 * tc * 4;
  const port = await new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  const dir = mkdtempSync(path.join(tmp, 'cluster-'));
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const store = path.join(dir, 'store');
  const procs = [];
  const startWorkers = async (n, threads, concurrency = 1, reducer = null) => {
    const ws = Array.from({ length: n }, () => spawn(process.execPath, [new URL('../dist/cli/main.js', import.meta.url).pathname, 'worker', '--redis', url, '--store', store, '--threads', String(threads), '--concurrency', String(concurrency), '--cache-dir', path.join(tmp, 'cache'), ...(reducer ? ['--reducer', reducer] : [])],
      { env: { ...process.env, TA_GRID_NATIVE_BUILD: 'off', TA_GRID_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] }));
    procs.push(...ws);
    await Promise.all(ws.map((w) => new Promise((resolve, reject) => {
      let out = '';
      w.stdout.on('data', (d) => { out += d; if (out.includes('ta-grid worker ready')) { resolve(); out = ''; } });
      w.once('exit', (c) => reject(new Error(`worker exited with ${c}`)));
    })));
    return ws;
  };
  const stopWorkers = async (ws) => Promise.all(ws.map((w) => new Promise((r) => { w.once('exit', r); w.kill('SIGTERM'); })));
  let seed = 1000;
  try {
    await new Promise((r) => setTimeout(r, 300));
    const cluster = await createCluster({ redis: url, store, shardBytes });
    // A new seed per run: the same request twice would be answered from the store.
    const runJob = async (c, extra = {}) => { const t0 = performance.now(); const job = await cluster.submit({ indicator: 'ma.ema', candles: c, grid, ...extra }); await job.result(); return { ms: performance.now() - t0, job }; };
    const wide = { grid: GRID }; // 6 sources x 196 windows = 1176 variants, 12 shards
    // Results are dropped once measured: a full run would otherwise leave gigabytes in the temp dir.
    const drop = (job) => rmSync(path.join(store, 'results', job.id), { recursive: true, force: true });
    const threads = Math.min(2, os.availableParallelism());
    const local = await engineWith('native', threads);
    const reducer = new URL('./cluster-reducer.mjs', import.meta.url).pathname;
    const overhead = [];
    let shards = 0;
    let latencyMs = NaN;
    // Full tensor into the store; the same with two shards in flight (one writes while the next computes);
    // a reducer's per-variant summary only (what a backtest sweep keeps).
    for (const [mode, concurrency, extra] of [['tensor', 1, {}], ['tensor', 2, {}], ['reducer', 1, { reducer }]]) {
      const ws = await startWorkers(1, threads, concurrency, reducer);
      drop((await runJob(workload(tc, seed++), extra)).job); // first job: worker caches warm
      const localMs = [], clusterMs = [], readMs = [];
      for (let i = 0; i < RUNS; i++) {
        const c = workload(tc, seed++);
        let t0 = performance.now();
        await local.compute({ indicator: 'ma.ema', candles: c, grid });
        localMs.push(performance.now() - t0);
        const { ms, job } = await runJob(c, extra);
        clusterMs.push(ms);
        shards = job.shards.length;
        t0 = performance.now();
        const res = await job.result();
        await (mode === 'tensor' ? res.values('ema') : res.summary());
        readMs.push(performance.now() - t0);
        drop(job);
      }
      if (mode === 'reducer') {
        // Fixed cost of a job: one shard of one variant over 1,000 candles, submit to result().
        const times = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          const job = await cluster.submit({ indicator: 'ma.ema', candles: workload(1000, seed++), grid: { window: [20] }, reducer });
          await job.result();
          times.push(performance.now() - t0);
          drop(job);
        }
        latencyMs = median(times);
      }
      await stopWorkers(ws);
      overhead.push({ mode, concurrency, localMs: median(localMs), clusterMs: median(clusterMs), readBackMs: median(readMs), ratio: median(clusterMs) / median(localMs), threads });
    }
    await local.close();
    const rows = [];
    for (const n of [1, 2, 3]) {
      const ws = await startWorkers(n, 1);
      drop((await runJob(workload(tc, seed++), wide)).job);
      const times = [];
      let jobShards = 0;
      for (let i = 0; i < RUNS; i++) {
        const { ms, job } = await runJob(workload(tc, seed++), wide);
        jobShards = job.shards.length;
        times.push(ms);
        drop(job);
      }
      const ms = median(times);
      rows.push({ workers: n, threadsPerWorker: 1, ms, shards: jobShards, shardsPerS: (jobShards * 1000) / ms, variantsPerS: (1176 * 1000) / ms, storeMBPerS: (tc * 1176 * 4) / ms / 1e3 });
      await stopWorkers(ws);
    }
    await cluster.close();
    report.suites.cluster = { t: tc, variants, shards, bytes, overhead, latencyMs, rows };
    log(`\ncluster: ma.ema over ${tc.toLocaleString('en-US')} candles, float32 time-major, shards of 98 variants (${(shardBytes / 1e6).toFixed(1)} MB), store and Redis on this machine`);
    log(`overhead grid: 2 sources x windows 5..200 = ${variants} variants (${(bytes / 1e6).toFixed(0)} MB, ${shards} shards)`);
    log(`one worker (${threads} threads) against a local compute() (${threads} threads), submit to result():`);
    log(table(['kept', 'concurrency', 'local ms', 'cluster ms', 'ratio', 'read back ms'], overhead.map((r) => [r.mode, r.concurrency, r.localMs.toFixed(0), r.clusterMs.toFixed(0), r.ratio.toFixed(2), r.readBackMs.toFixed(0)])));
    log(`fixed cost of a job (one shard of one variant, 1,000 candles, reducer), submit to result(): ${latencyMs.toFixed(0)} ms`);
    log(`throughput: 6 sources x windows 5..200 = 1176 variants (${(tc * 1176 * 4 / 1e6).toFixed(0)} MB, ${rows[0]?.shards ?? 12} shards), full tensor kept, single-thread workers:`);
    log(table(['workers', 'threads each', 'median ms', 'shards/s', 'variants/s', 'store MB/s'], rows.map((r) => [r.workers, r.threadsPerWorker, r.ms.toFixed(0), r.shardsPerS.toFixed(2), r.variantsPerS.toFixed(0), r.storeMBPerS.toFixed(0)])));
  } finally {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    redis.kill('SIGTERM');
  }
}

function table(head, rows) {
  const w = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

try {
  if (suites.has('catalogue')) await catalogueSuite();
  if (suites.has('grid')) await gridSuite();
  if (suites.has('threads')) await threadsSuite();
  if (suites.has('plain')) await plainSuite();
  if (suites.has('startup')) await startupSuite();
  if (suites.has('wasm')) await wasmSuite();
  const ctx = { engineWith, candles, grid: GRID, runs: RUNS, quick, only, samples: args.includes('--samples'), log, report, table };
  if (suites.has('lag')) await lagSuite(ctx);
  if (suites.has('abort')) await abortSuite(ctx);
  if (suites.has('rss')) await rssSuite(ctx);
  if (suites.has('prepared')) await preparedSuite(ctx);
  if (suites.has('cluster')) await clusterSuite();
  if (suites.has('stream')) await streamSuite(ctx);
  log(`\nbuilds: ${Object.entries(report.build ?? {}).map(([b, k]) => `${b} ${k}`).join(', ')}`);
  if (json) console.log(JSON.stringify(report, null, 2));
  if (compareWith) {
    const cmp = compareReports(JSON.parse(readFileSync(compareWith, 'utf8')), report, threshold);
    (json ? console.error : console.log)(`\ncompared with ${compareWith}:\n${formatComparison(cmp)}`);
    if (cmp.regressions.length) process.exitCode = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
