// Shared pieces of the benchmark suites: the seeded workload, the machine
// line, medians, and the memory floor.
import os from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * mulberry32: the seeded generator of every synthetic series in the project
 * (the TA-Lib fixtures, the sample candles, the tests and this workload),
 * documented in test/fixtures/ta-lib/README.md. Uniform doubles in [0, 1).
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** mulberry32 random walk: the same candles on every run. */
export function workload(t, seed = 42) {
  const u = mulberry32(seed);
  const c = { ts_open: new Float64Array(t), open: new Float64Array(t), high: new Float64Array(t), low: new Float64Array(t), close: new Float64Array(t), volume: new Float64Array(t) };
  let p = 30_000;
  for (let i = 0; i < t; i++) {
    const o = p, cl = o * (1 + (u() - 0.5) * 0.004);
    c.ts_open[i] = 1_700_000_000_000 + 60_000 * i;
    c.open[i] = o; c.close[i] = cl;
    c.high[i] = Math.max(o, cl) * (1 + u() * 0.001);
    c.low[i] = Math.min(o, cl) * (1 - u() * 0.001);
    c.volume[i] = 10 + 100 * u();
    p = cl;
  }
  return c;
}

export function machine() {
  let flags = [];
  try {
    flags = (/^flags\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '').split(/\s+/);
  } catch { /* not Linux */ }
  const features = ['sse4_2', 'avx', 'avx2', 'fma', 'avx512f'].filter((f) => flags.includes(f));
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism(), memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${process.platform}-${process.arch}`, features,
  };
}

export function machineLine(m) {
  return `${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, ${m.platform}, Node ${m.node}, CPU features ${m.features.join(' ') || 'n/a'}`;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn `runs` times (after one warm-up call) and returns the median in ms. */
export async function timeIt(fn, runs) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The memory floor for writing `bytes` of float32 output: one fill of an
 * already-touched buffer (warm), and the first touch of a fresh one (page
 * faults), reported separately because the latter varies a lot.
 */
export async function memoryFloor(bytes, runs) {
  const warm = new Float32Array(bytes / 4);
  warm.fill(1);
  const warmMs = await timeIt(() => { warm.fill(Math.random()); }, runs);
  const fresh = [];
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    const t0 = performance.now();
    new Float32Array(new SharedArrayBuffer(bytes)).fill(1);
    fresh.push(performance.now() - t0);
  }
  return { warmMs, firstTouchMs: median(fresh) };
}

/**
 * CPU milliseconds (user + system) of every thread of this process, by
 * thread id, from /proc/self/task (10 ms ticks); null where there is no
 * /proc. Unlike wall time, a thread's CPU time does not count the time it
 * waited for a core on a shared machine (other processes still slow a
 * memory-bound thread down), so the busiest threads of a call show its
 * critical path.
 */
export function threadCpuMs() {
  let tids;
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const ms = new Map();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms.set(tid, (Number(fields[11]) + Number(fields[12])) * 10); // utime, stime in clock ticks of 10 ms
    } catch { /* the thread exited */ }
  }
  return ms;
}

/**
 * The CPU-time critical path of a call between two threadCpuMs() readings:
 * the main thread's CPU plus the busiest other thread's (a pool worker's).
 * With work spread evenly over n workers it approaches main + work / n, the
 * wall time the call would take on n idle cores; null without /proc.
 */
export function cpuPathMs(before, after) {
  if (!before || !after) return null;
  const main = String(process.pid);
  let mainMs = 0, busiest = 0;
  for (const [tid, ms] of after) {
    const used = ms - (before.get(tid) ?? 0);
    if (tid === main) mainMs = used;
    else busiest = Math.max(busiest, used);
  }
  return mainMs + busiest;
}

/**
 * pushMany() of `bars` into a fresh stream (after `history`, if any) beside
 * compute() over the same bars, interleaved, `runs` times after one warm-up:
 * medians of wall and process CPU time (every thread: what the call costs,
 * whatever else shares the machine), in ms.
 */
export async function pushManyBesideCompute(engine, { indicator, grid, outputs, history, bars }, runs) {
  const cpuMs = (u) => { const d = process.cpuUsage(u); return (d.user + d.system) / 1000; };
  const t = { pushMany: [], compute: [], pushManyCpu: [], computeCpu: [] };
  for (let i = 0; i <= runs; i++) {
    const s = await engine.stream({ indicator, grid, outputs, history });
    let t0 = performance.now(), u0 = process.cpuUsage();
    (await s.pushMany(bars)).release();
    const tm = performance.now() - t0, um = cpuMs(u0);
    s.close();
    t0 = performance.now();
    u0 = process.cpuUsage();
    (await engine.compute({ indicator, grid, outputs, candles: bars })).release();
    const tc = performance.now() - t0, uc = cpuMs(u0);
    if (i > 0) { t.pushMany.push(tm); t.compute.push(tc); t.pushManyCpu.push(um); t.computeCpu.push(uc); }
  }
  return { pushManyMs: median(t.pushMany), computeMs: median(t.compute), pushManyCpuMs: median(t.pushManyCpu), computeCpuMs: median(t.computeCpu) };
}
