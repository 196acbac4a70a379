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
 * The q-quantile of xs (the sample at floor(q * n) of the sorted values, the
 * largest for q = 1).
 */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/**
 * CPU and run-queue milliseconds of every thread of this process, by thread
 * id: from /proc/self/task/<tid>/schedstat (nanoseconds on a core, and
 * nanoseconds ready to run but waiting for one), else CPU alone from
 * /proc/self/task/<tid>/stat (user + system, 10 ms ticks; waitMs null);
 * null where there is no /proc. Unlike wall time, a thread's CPU time does
 * not count the time it waited for a core on a shared machine (other
 * processes still slow a memory-bound thread down), so the busiest threads
 * of a call show its critical path; the waits say how much the machine's
 * other work held the call up.
 */
export function threadTimes() {
  let tids;
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const times = new Map();
  for (const tid of tids) {
    try {
      const [run, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      times.set(tid, { cpuMs: run / 1e6, waitMs: wait / 1e6 });
    } catch {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        times.set(tid, { cpuMs: (Number(fields[11]) + Number(fields[12])) * 10, waitMs: null }); // utime, stime in clock ticks of 10 ms
      } catch { /* the thread exited */ }
    }
  }
  return times;
}

/** CPU milliseconds of every thread of this process, by thread id (threadTimes()); null without /proc. */
export function threadCpuMs() {
  const times = threadTimes();
  return times && new Map([...times].map(([tid, t]) => [tid, t.cpuMs]));
}

/**
 * The CPU-time critical path of a call between two threadCpuMs() or
 * threadTimes() readings: the main thread's CPU plus the busiest other
 * thread's (a pool worker's). With work spread evenly over n workers it
 * approaches main + work / n, the wall time the call would take on n idle
 * cores; null without /proc.
 */
export function cpuPathMs(before, after) {
  if (!before || !after) return null;
  const main = String(process.pid);
  const cpu = (t) => (typeof t === 'number' ? t : t?.cpuMs ?? 0);
  let mainMs = 0, busiest = 0;
  for (const [tid, t] of after) {
    const used = cpu(t) - cpu(before.get(tid));
    if (tid === main) mainMs = used;
    else busiest = Math.max(busiest, used);
  }
  return mainMs + busiest;
}

/** Milliseconds the threads of this process waited for a core between two threadTimes() readings (summed); null without schedstat. */
export function runQueueMs(before, after) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [tid, t] of after) {
    if (t.waitMs === null) return null;
    ms += t.waitMs - (before.get(tid)?.waitMs ?? 0);
  }
  return ms;
}

/**
 * pushMany() of `bars` into a fresh stream (after `history`, if any) beside
 * compute() over the same bars, in pairs of one call each. The stream is
 * made before its call, outside the timing. One untimed pair warms the case
 * (its first calls are cold); then pairs alternate which side goes first
 * (the first call after the other side's can find its caches, the pool's
 * workers and the output pool in another state), at least `runs` of them,
 * an even number, and more until each side has taken `minMs` (cheap cases
 * get many pairs), at most `maxPairs`. Both sides of a pair run within
 * milliseconds of each other, so a load that comes and goes hits them alike:
 * each figure is the median of per-pair ratios, with its quartiles.
 * Wall time is what the goal is about; on a shared machine it also counts
 * the time the call's threads waited for a core, which CPU time does not:
 * `pathRatio` compares CPU critical paths (main thread + busiest worker, what
 * idle cores would take) and `waitPerMs` says how long the process's threads
 * waited for a core per millisecond of wall time (0 on an idle machine).
 * `samples: true` keeps every pair's figures.
 */
export async function pushManyBesideCompute(engine, { indicator, grid, outputs, history, bars }, runs, { minMs = 150, maxPairs = 40, samples = false } = {}) {
  const cpuMs = (u) => { const d = process.cpuUsage(u); return (d.user + d.system) / 1000; };
  const call = async (side) => {
    const s = side === 'pushMany' ? await engine.stream({ indicator, grid, outputs, history }) : null;
    const c0 = threadTimes(), u0 = process.cpuUsage(), t0 = performance.now();
    if (s) (await s.pushMany(bars)).release();
    else (await engine.compute({ indicator, grid, outputs, candles: bars })).release();
    const ms = performance.now() - t0, cpu = cpuMs(u0), c1 = threadTimes();
    s?.close();
    return { ms, cpuMs: cpu, pathMs: cpuPathMs(c0, c1), waitMs: runQueueMs(c0, c1) };
  };
  await call('pushMany');
  await call('compute');
  const pairs = [];
  let pushManyTotal = 0, computeTotal = 0;
  while (pairs.length < runs || pairs.length % 2 === 1 || (pairs.length < maxPairs && Math.min(pushManyTotal, computeTotal) < minMs)) {
    const first = pairs.length % 2 === 0 ? 'pushMany' : 'compute';
    const a = await call(first), b = await call(first === 'pushMany' ? 'compute' : 'pushMany');
    const [p, c] = first === 'pushMany' ? [a, b] : [b, a];
    pairs.push({ first, pushMany: p, compute: c });
    pushManyTotal += p.ms;
    computeTotal += c.ms;
  }
  const of = (side, k) => median(pairs.map((x) => x[side][k]));
  const ratios = (k, xs = pairs) => xs.map((x) => x.pushMany[k] / x.compute[k]);
  const hasPath = pairs.every((x) => x.pushMany.pathMs > 0 && x.compute.pathMs > 0);
  const hasWait = pairs.every((x) => x.pushMany.waitMs !== null && x.compute.waitMs !== null);
  const wall = ratios('ms');
  return {
    pairs: pairs.length,
    pushManyMs: of('pushMany', 'ms'), computeMs: of('compute', 'ms'),
    ratio: median(wall), ratioQ1: quantile(wall, 0.25), ratioQ3: quantile(wall, 0.75),
    pushManyCpuMs: of('pushMany', 'cpuMs'), computeCpuMs: of('compute', 'cpuMs'), cpuRatio: median(ratios('cpuMs')),
    pushManyPathMs: hasPath ? of('pushMany', 'pathMs') : null, computePathMs: hasPath ? of('compute', 'pathMs') : null,
    pathRatio: hasPath ? median(ratios('pathMs')) : null,
    waitPerMs: hasWait ? median(pairs.flatMap((x) => [x.pushMany.waitMs / x.pushMany.ms, x.compute.waitMs / x.compute.ms])) : null,
    // The ratio by which side went first: apart by more than the quartiles, an order effect.
    ratioPushManyFirst: median(ratios('ms', pairs.filter((x) => x.first === 'pushMany'))),
    ratioComputeFirst: median(ratios('ms', pairs.filter((x) => x.first === 'compute'))),
    ...(samples ? { samples: pairs } : {}),
  };
}
